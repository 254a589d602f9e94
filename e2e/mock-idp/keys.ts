import { readFileSync } from 'node:fs'
import { X509Certificate } from 'node:crypto'
import { fileURLToPath } from 'node:url'

/** A test key pair of the mock IdP (see test-keys/README.md: public on purpose, never a secret). */
export interface TestKeyPair {
  readonly name: 'signing' | 'expired' | 'rogue'
  readonly privateKeyPem: string
  readonly certPem: string
  /** The certificate as base64 DER, as it appears in metadata and KeyInfo. */
  readonly certBase64: string
}

const dir = fileURLToPath(new URL('./test-keys/', import.meta.url))

function load(name: TestKeyPair['name']): TestKeyPair {
  const certPem = readFileSync(`${dir}${name}.crt.pem`, 'utf8')
  const privateKeyPem = readFileSync(`${dir}${name}.key.pem`, 'utf8')
  const certBase64 = new X509Certificate(certPem).raw.toString('base64')
  return { name, privateKeyPem, certPem, certBase64 }
}

let cache: Record<TestKeyPair['name'], TestKeyPair> | undefined

export function testKeys(): Record<TestKeyPair['name'], TestKeyPair> {
  cache ??= { signing: load('signing'), expired: load('expired'), rogue: load('rogue') }
  return cache
}
