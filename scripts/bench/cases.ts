// The cases `npm run bench` and its companions (stages.ts, profile-core.ts) time, built one way for all of them.
import { generateKeyPairSync } from 'node:crypto'
import { BUILTIN_PROFILES, checkContext } from '../../lib/index'
import { selfSignedCertificatePem } from '../../lib/mock-idp/self-signed-cert'
import {
  ACS_URL,
  CERT_B64,
  IDP_ENTITY_ID,
  largeSignedEntraMetadata,
  NOW,
  SP_ENTITY_ID,
  signedResponseXml,
} from './inputs'

/** The signed response (as XML and as the ACS receives it), the IdP it trusts and the vendor's check context. */
export function signedResponseCase() {
  const xml = signedResponseXml()
  const b64 = Buffer.from(xml).toString('base64')
  const trust = { entityId: IDP_ENTITY_ID, signingCertificates: [CERT_B64], kind: 'entra' as const }
  const ctx = checkContext({
    profile: BUILTIN_PROFILES.autodesk,
    now: NOW,
    idp: 'entra',
    spEntityId: SP_ENTITY_ID,
    acsUrl: ACS_URL,
  })
  return { xml, b64, trust, ctx }
}

/**
 * `count` 50 KB signed metadata documents, each signed by and listing a certificate this process has not read, so
 * every certificate is parsed inside the timed call. The keys are made here, before any timing.
 */
export function firstSeenMetadata(count: number, label: string): string[] {
  return Array.from({ length: count }, (_, i) => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const certPem = selfSignedCertificatePem({
      privateKey,
      publicKey,
      commonName: `${label}-${i}`,
      notBefore: new Date(NOW.getTime() - 86_400_000),
      notAfter: new Date(NOW.getTime() + 365 * 86_400_000),
    })
    return largeSignedEntraMetadata({ keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), certPem })
  })
}
