import { createPrivateKey, generateKeyPair as generateKeyPairCb, X509Certificate } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { selfSignedCertificatePem } from './self-signed-cert'

/** One key pair of the mock IdP. Never a secret: these keys only ever sign mock answers. */
export interface MockIdpKeyPair {
  readonly name: MockIdpKeyName
  readonly privateKeyPem: string
  readonly certPem: string
  /** The certificate as base64 DER, as it appears in metadata and KeyInfo. */
  readonly certBase64: string
}

/**
 * `signing` signs every answer and is listed first in the metadata; `expired` is an expired certificate still listed
 * (a rollover leftover, used by `expired-cert`); `rogue` is in no metadata (`cert-not-in-metadata`, OIDC `bad-signature`).
 */
export type MockIdpKeyName = 'signing' | 'expired' | 'rogue'
export type MockIdpKeys = Readonly<Record<MockIdpKeyName, MockIdpKeyPair>>

/** The keys the metadata publishes (`expired` only in the generic personality's): enough to answer metadata early. */
export type PublishedKeys = Pick<MockIdpKeys, 'signing'> & Partial<Pick<MockIdpKeys, 'expired'>>

export const MOCK_IDP_KEY_NAMES: readonly MockIdpKeyName[] = ['signing', 'expired', 'rogue']

export function keyPairFromPem(name: MockIdpKeyName, certPem: string, privateKeyPem: string): MockIdpKeyPair {
  const certBase64 = new X509Certificate(certPem).raw.toString('base64')
  return { name, privateKeyPem, certPem, certBase64 }
}

/** Reads `<name>.crt.pem` and `<name>.key.pem` for signing, expired and rogue from `dir` (`--keys DIR`). */
export async function loadMockIdpKeys(dir: string): Promise<MockIdpKeys> {
  const pairs = await Promise.all(
    MOCK_IDP_KEY_NAMES.map(async (name) => {
      const [certPem, keyPem] = await Promise.all([
        readFile(join(dir, `${name}.crt.pem`), 'utf8'),
        readFile(join(dir, `${name}.key.pem`), 'utf8'),
      ])
      return keyPairFromPem(name, certPem, keyPem)
    }),
  )
  return { signing: pairs[0]!, expired: pairs[1]!, rogue: pairs[2]! }
}

const generateRsa = promisify(generateKeyPairCb)
const DAY = 86_400_000

/**
 * Fresh keys for one run (the default of `sso-preflight mock-idp` without `--keys`), RSA 2048. Those the metadata
 * publishes come first (the expired one too when `publishExpired`); the others (used only by the fault scenarios)
 * after them, so they do not compete for the CPU while the mock is getting ready.
 */
export function generateMockIdpKeysStaged(
  now = new Date(),
  o: { publishExpired?: boolean } = {},
): { published: Promise<PublishedKeys>; all: Promise<MockIdpKeys> } {
  const publishExpired = o.publishExpired ?? true
  const t = now.getTime()
  const validity: Record<MockIdpKeyName, [Date, Date]> = {
    signing: [new Date(t - DAY), new Date(t + 3650 * DAY)],
    expired: [new Date(t - 730 * DAY), new Date(t - 365 * DAY)],
    rogue: [new Date(t - DAY), new Date(t + 3650 * DAY)],
  }
  const generate = async (name: MockIdpKeyName): Promise<MockIdpKeyPair> => {
    const { privateKey, publicKey } = await generateRsa('rsa', { modulusLength: 2048 })
    const [notBefore, notAfter] = validity[name]
    const certPem = selfSignedCertificatePem({
      privateKey,
      publicKey,
      commonName: `SSO Preflight mock IdP (${name}, not a real IdP)`,
      notBefore,
      notAfter,
    })
    return keyPairFromPem(name, certPem, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())
  }
  const published: Promise<PublishedKeys> = publishExpired
    ? Promise.all([generate('signing'), generate('expired')]).then(([signing, expired]) => ({ signing, expired }))
    : generate('signing').then((signing) => ({ signing }))
  const all = published.then(async (p) => {
    const [expired, rogue] = await Promise.all([p.expired ?? generate('expired'), generate('rogue')])
    return { signing: p.signing, expired, rogue }
  })
  return { published, all }
}

export function generateMockIdpKeys(now = new Date()): Promise<MockIdpKeys> {
  return generateMockIdpKeysStaged(now).all
}

/** The signing key as a JWK for the OIDC provider's JWKS, so SAML and OIDC share one stable key per `--keys` dir. */
export function signingJwkOf(pair: MockIdpKeyPair, kid: string): Record<string, unknown> {
  return { ...createPrivateKey(pair.privateKeyPem).export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }
}
