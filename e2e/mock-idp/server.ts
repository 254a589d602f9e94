import { pathToFileURL } from 'node:url'
import { startMockIdp as startLibMockIdp, type MockIdp, type MockIdpOptions } from '../../lib/mock-idp/server'
import { testKeys } from './keys'

export type { MockIdp }

/** The repo's mock IdP (lib/mock-idp) with the fixed TEST keys of e2e/mock-idp/test-keys. Port 0 picks a free one. */
export function startMockIdp(o: Partial<MockIdpOptions> = {}): Promise<MockIdp> {
  return startLibMockIdp({ ...o, keys: o.keys ?? testKeys() })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const port = Number(process.env.MOCK_IDP_PORT ?? 3200)
  const idp = await startMockIdp({ port, host: process.env.MOCK_IDP_HOST ?? '127.0.0.1' })
  console.log(`mock IdP listening on ${idp.base} (SAML metadata ${idp.samlMetadataUrl}, OIDC issuer ${idp.oidcIssuer})`)
  const stop = () => {
    void idp.close().then(() => process.exit(0))
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}
