import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  keyPairFromPem,
  MOCK_IDP_KEY_NAMES,
  type MockIdpKeyName,
  type MockIdpKeyPair,
  type MockIdpKeys,
} from '../../lib/mock-idp/keys'
import { mockIdpSite, type MockIdpSite, type Personality } from '../../lib/mock-idp/personality'

/** A test key pair of the mock IdP (see test-keys/README.md: public on purpose, never a secret). */
export type TestKeyPair = MockIdpKeyPair

const dir = fileURLToPath(new URL('./test-keys/', import.meta.url))

function load(name: MockIdpKeyName): TestKeyPair {
  return keyPairFromPem(
    name,
    readFileSync(`${dir}${name}.crt.pem`, 'utf8'),
    readFileSync(`${dir}${name}.key.pem`, 'utf8'),
  )
}

let cache: MockIdpKeys | undefined

/** The repo's fixed TEST keys (e2e/mock-idp/test-keys), the same on every run, so recorded fixtures stay valid. */
export function testKeys(): MockIdpKeys {
  cache ??= Object.fromEntries(MOCK_IDP_KEY_NAMES.map((n) => [n, load(n)])) as unknown as MockIdpKeys
  return cache
}

/** The directory of the test keys, for `sso-preflight mock-idp --keys`. */
export const TEST_KEYS_DIR = dir

/** The mock's identity at `base` with the test keys: what idpMetadataXml and buildSamlResponse take. */
export function testSite(base: string, personality: Personality = 'generic'): MockIdpSite {
  return mockIdpSite({ base, listenBase: base, personality, keys: testKeys() })
}
