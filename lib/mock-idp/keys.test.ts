import { X509Certificate } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { parseIdpMetadata } from '../saml/metadata/index'
import { generateMockIdpKeys, loadMockIdpKeys, MOCK_IDP_KEY_NAMES } from './keys'
import { mockIdpSite } from './personality'
import { idpMetadataXml } from './saml/metadata'

const NOW = new Date('2026-12-05T00:00:00Z')
const dir = mkdtempSync(join(tmpdir(), 'mock-idp-keys-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('generated mock IdP keys (no --keys)', async () => {
  const keys = await generateMockIdpKeys(NOW)

  test('three distinct self-signed RSA-2048 certificates that Node parses and verifies', () => {
    const certs = MOCK_IDP_KEY_NAMES.map((n) => new X509Certificate(keys[n].certPem))
    for (const c of certs) {
      expect(c.verify(c.publicKey)).toBe(true)
      expect(c.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048)
      expect(c.subject).toContain('not a real IdP')
    }
    expect(new Set(certs.map((c) => c.fingerprint256)).size).toBe(3)
    expect(Buffer.from(keys.signing.certBase64, 'base64').equals(certs[0]!.raw)).toBe(true)
  })

  test('signing and rogue are valid now; expired ended before now', () => {
    const valid = (name: 'signing' | 'expired' | 'rogue') => {
      const c = new X509Certificate(keys[name].certPem)
      return new Date(c.validFrom) <= NOW && NOW <= new Date(c.validTo)
    }
    expect(valid('signing')).toBe(true)
    expect(valid('rogue')).toBe(true)
    expect(valid('expired')).toBe(false)
    expect(new Date(new X509Certificate(keys.expired.certPem).validTo).getTime()).toBeLessThan(NOW.getTime())
  })

  test('--keys DIR reads back what was written, and the personality IDs follow the signing key', async () => {
    for (const n of MOCK_IDP_KEY_NAMES) {
      writeFileSync(join(dir, `${n}.crt.pem`), keys[n].certPem)
      writeFileSync(join(dir, `${n}.key.pem`), keys[n].privateKeyPem)
    }
    const loaded = await loadMockIdpKeys(dir)
    expect(loaded.signing.certBase64).toBe(keys.signing.certBase64)
    const a = mockIdpSite({ base: 'http://127.0.0.1:1', listenBase: 'http://127.0.0.1:1', personality: 'entra', keys })
    const b = mockIdpSite({
      base: 'http://127.0.0.1:2',
      listenBase: 'http://127.0.0.1:2',
      personality: 'entra',
      keys: loaded,
    })
    expect(a.samlEntityId).toBe(b.samlEntityId)
    const other = mockIdpSite({
      base: 'http://127.0.0.1:1',
      listenBase: 'http://127.0.0.1:1',
      personality: 'entra',
      keys: await generateMockIdpKeys(NOW),
    })
    expect(other.samlEntityId).not.toBe(a.samlEntityId)
  })

  test('the generated signing certificate is the one the metadata publishes first', () => {
    const site = mockIdpSite({
      base: 'http://127.0.0.1:9',
      listenBase: 'http://127.0.0.1:9',
      personality: 'generic',
      keys,
    })
    const md = parseIdpMetadata(idpMetadataXml(site))
    expect(md.ok).toBe(true)
    expect(JSON.stringify(md)).toContain(keys.signing.certBase64.slice(0, 60))
  })
})
