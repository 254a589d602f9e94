import * as oc from 'openid-client'
import { loopbackAllowedByEnv, makeCustomFetch, type SafeFetchOptions } from '../../net/index'
import { allowLoopbackForTests } from '../../net/types'

function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
}

/**
 * openid-client's Configuration for a test login: discovery through lib/net (every request SSRF-checked), the ID
 * token signature verified (enableNonRepudiationChecks), client_secret_basic with the secret typed for this run.
 * http is allowed only for a loopback issuer when loopback fetches are allowed (the demo's and tests' mock IdP).
 */
export async function discoverClient(
  issuer: string,
  clientId: string,
  clientSecret: string,
  fetchOptions: SafeFetchOptions = {},
): Promise<oc.Configuration> {
  const url = new URL(issuer)
  return oc.discovery(url, clientId, undefined, oc.ClientSecretBasic(clientSecret), {
    execute: executeFor(url, fetchOptions),
    [oc.customFetch]: makeCustomFetch(fetchOptions),
  })
}

function executeFor(issuer: URL, fetchOptions: SafeFetchOptions): ((c: oc.Configuration) => void)[] {
  const loopbackOk = fetchOptions[allowLoopbackForTests] === true || loopbackAllowedByEnv()
  return [oc.enableNonRepudiationChecks, ...(isLoopbackHttp(issuer) && loopbackOk ? [oc.allowInsecureRequests] : [])]
}

/**
 * The same Configuration rebuilt from what discovery returned, without fetching it again: the callback may run on
 * another app instance than the start, which kept only the server metadata and the (encrypted) secret.
 */
export function clientFromMetadata(
  serverMetadata: oc.ServerMetadata,
  clientId: string,
  clientSecret: string,
  fetchOptions: SafeFetchOptions = {},
): oc.Configuration {
  const config = new oc.Configuration(serverMetadata, clientId, undefined, oc.ClientSecretBasic(clientSecret))
  config[oc.customFetch] = makeCustomFetch(fetchOptions)
  for (const apply of executeFor(new URL(serverMetadata.issuer), fetchOptions)) apply(config)
  return config
}
