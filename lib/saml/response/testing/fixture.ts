import { execFileSync } from 'node:child_process'
import { X509Certificate } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { SignedXml } from 'xml-crypto'
import { checkContext, type CheckContext } from '../../../context'
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID, type BuiltinProfileId } from '../../../profiles/index'
import type { SpProfile } from '../../../profiles/schema'
import type { IdpTrust } from '../../types'

/*
 * Test support (not product code). Derived fixtures start from the real Okta response
 * (fixtures/real/saml-responses/okta/ssoready-okta-response.xml): its signatures are removed, the edit a test names is
 * applied, then it is signed again with a key generated for the test run (openssl, a self-signed certificate), so a
 * test can alter anything and still hold a correctly signed response.
 */

export const FIXTURES = resolve('../shared/fixtures')
export const REAL = join(FIXTURES, 'real')
export const readFixture = (rel: string) => readFileSync(join(FIXTURES, rel), 'utf8')

export interface TestKey {
  readonly keyPem: string
  readonly certPem: string
  readonly certBase64: string
  readonly sha256: string
  readonly notAfter: Date
}

function makeKey(cn: string, days: number): TestKey {
  const dir = mkdtempSync(join(tmpdir(), 'resp-key-'))
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-sha256',
        '-days',
        String(days),
        '-subj',
        `/CN=${cn}`,
        '-keyout',
        join(dir, 'k.pem'),
        '-out',
        join(dir, 'c.pem'),
      ],
      { stdio: 'pipe' },
    )
    const certPem = readFileSync(join(dir, 'c.pem'), 'utf8')
    const x = new X509Certificate(certPem)
    return {
      keyPem: readFileSync(join(dir, 'k.pem'), 'utf8'),
      certPem,
      certBase64: x.raw.toString('base64'),
      sha256: x.fingerprint256,
      notAfter: new Date(x.validTo),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

let keys: { trusted: TestKey; rogue: TestKey } | undefined
export function testKeys() {
  keys ??= { trusted: makeKey('TEST-ONLY trusted IdP', 3650), rogue: makeKey('TEST-ONLY rogue', 3650) }
  return keys
}

export const ISSUER = 'http://www.okta.com/exkdoocxa1VmjpXmX697'
export const SP = 'https://www.okta.com/saml2/service-provider/spabc123'
/** The vendor's ACS shape, from the default profile's own example. */
export const ACS = BUILTIN_PROFILES[DEFAULT_PROFILE_ID].vendor!.spValues.acsUrl.example.replace('<idp-id>', '0oaabc123')
export const NOW = new Date('2024-04-25T20:31:55.494Z')
export const REQUEST_ID = '_req-4f1c2d'

export const ATTRIBUTES = {
  firstName: 'Ulysse',
  lastName: 'Carion',
  email: 'ulysse.carion@codomaindata.com',
  objectGUID: '8f6c1a2e-1111-2222-3333-444455556666',
} as const

export function attributeStatement(attrs: Record<string, string | string[]>): string {
  const body = Object.entries(attrs)
    .map(
      ([name, v]) =>
        `<saml2:Attribute Name="${name}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">${(Array.isArray(v) ? v : [v]).map((x) => `<saml2:AttributeValue>${x}</saml2:AttributeValue>`).join('')}</saml2:Attribute>`,
    )
    .join('')
  return `<saml2:AttributeStatement xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion">${body}</saml2:AttributeStatement>`
}

/**
 * The real Okta response without its signatures, re-addressed to an SP shaped like the default vendor's (Audience,
 * Recipient, Destination), with the vendor's four attributes added after the AuthnStatement. Nothing else altered.
 */
export function baseResponse(o: { attributes?: Record<string, string | string[]> | null } = {}): string {
  let xml = readFixture('real/saml-responses/okta/ssoready-okta-response.xml')
  xml = xml.replace(/<ds:Signature[\s\S]*?<\/ds:Signature>/g, '')
  xml = xml.replace('Destination="http://localhost:8080"', `Destination="${ACS}"`)
  xml = xml.replace('Recipient="http://localhost:8080"', `Recipient="${ACS}"`)
  xml = xml.replace('<saml2:Audience>http://localhost:8080</saml2:Audience>', `<saml2:Audience>${SP}</saml2:Audience>`)
  const attrs = o.attributes === undefined ? ATTRIBUTES : o.attributes
  if (attrs) xml = xml.replace('</saml2:AuthnStatement>', `</saml2:AuthnStatement>${attributeStatement(attrs)}`)
  return xml
}

const ALG = {
  sha256: {
    sig: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    digest: 'http://www.w3.org/2001/04/xmlenc#sha256',
  },
  sha1: { sig: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1', digest: 'http://www.w3.org/2000/09/xmldsig#sha1' },
} as const

function signElement(xml: string, local: 'Assertion' | 'Response', key: TestKey, alg: keyof typeof ALG): string {
  const sig = new SignedXml({
    privateKey: key.keyPem,
    publicCert: key.certPem,
    signatureAlgorithm: ALG[alg].sig,
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  })
  sig.addReference({
    xpath: `//*[local-name(.)='${local}']`,
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
    digestAlgorithm: ALG[alg].digest,
  })
  const hasIssuer = new RegExp(`<saml2p?:${local}\\b[^>]*>\\s*<saml2:Issuer`).test(xml)
  const location = hasIssuer
    ? { reference: `//*[local-name(.)='${local}']/*[local-name(.)='Issuer']`, action: 'after' as const }
    : { reference: `//*[local-name(.)='${local}']`, action: 'prepend' as const }
  sig.computeSignature(xml, { prefix: 'ds', location })
  return sig.getSignedXml()
}

/** Signs the assertion and/or the response (assertion first, so the response signature covers it). */
export function sign(
  xml: string,
  o: { assertion?: boolean; response?: boolean; key?: TestKey; alg?: keyof typeof ALG } = {},
): string {
  const key = o.key ?? testKeys().trusted
  const alg = o.alg ?? 'sha256'
  let out = xml
  if (o.assertion ?? true) out = signElement(out, 'Assertion', key, alg)
  if (o.response) out = signElement(out, 'Response', key, alg)
  return out
}

export function trust(o: { certs?: string[]; entityId?: string } = {}): IdpTrust {
  return {
    entityId: o.entityId ?? ISSUER,
    signingCertificates: o.certs ?? [testKeys().trusted.certBase64],
    kind: 'okta',
  }
}

export function ctx(
  o: {
    profile?: SpProfile | BuiltinProfileId
    now?: Date
    spEntityId?: string | null
    acsUrl?: string | null
    skewSeconds?: number
  } = {},
): CheckContext {
  const profile = typeof o.profile === 'object' ? o.profile : BUILTIN_PROFILES[o.profile ?? DEFAULT_PROFILE_ID]
  return checkContext({
    profile,
    now: o.now ?? NOW,
    idp: 'okta',
    ...(o.spEntityId === null ? {} : { spEntityId: o.spEntityId ?? SP }),
    ...(o.acsUrl === null ? {} : { acsUrl: o.acsUrl ?? ACS }),
    ...(o.skewSeconds !== undefined ? { skewSeconds: o.skewSeconds } : {}),
  })
}

/** Profile variant for tests of one policy switch. */
export function profileWith(base: BuiltinProfileId, saml: Partial<NonNullable<SpProfile['saml']>>): SpProfile {
  const p = BUILTIN_PROFILES[base]
  return { ...p, saml: { ...p.saml!, ...saml } }
}

/** Moves every xs:dateTime attribute in the document by `ms` (to place a response around another clock). */
export function shiftTimes(xml: string, ms: number): string {
  return xml.replace(
    /="(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)"/g,
    (_, t: string) => `="${new Date(Date.parse(t) + ms).toISOString()}"`,
  )
}

/** Test-only reading of IdP metadata into a trust (entity ID + signing certificates), independent of lib/saml/metadata. */
export function trustFromMetadata(xml: string, kind: IdpTrust['kind'] = 'other'): IdpTrust {
  const entityId = /entityID="([^"]*)"/.exec(xml)?.[1] ?? ''
  const certs: string[] = []
  for (const kd of xml.matchAll(/<(?:\w+:)?KeyDescriptor\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?KeyDescriptor>/g)) {
    if (/use="encryption"/.test(kd[1]!)) continue
    for (const c of kd[2]!.matchAll(/<(?:\w+:)?X509Certificate>([\s\S]*?)<\/(?:\w+:)?X509Certificate>/g)) {
      const v = c[1]!.replace(/\s+/g, '')
      if (!certs.includes(v)) certs.push(v)
    }
  }
  return { entityId, signingCertificates: certs, kind }
}
