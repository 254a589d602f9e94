import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseSafeXml } from '../xml/parse'
import { textContent } from '../xml/query'
import type { XmlDocument, XmlElement } from '../xml/types'
import {
  canonicalize,
  findEnvelopedSignature,
  listSignatures,
  trustedKeysFromCertificates,
  verifyEnvelopedSignature,
} from './index'
import type { SignatureResult, TrustedKey } from './types'
import { FIXTURES } from './testing/corpus'
import { signWithXmlCrypto, TEST_CERT_PEM } from './testing/sign'

/*
 * A hostile corpus built from a real Okta response (Response and Assertion both signed) and its metadata
 * certificate: signature wrapping XSW1–XSW8, duplicate IDs, references elsewhere, extra references and transforms,
 * HMAC, an attacker's KeyInfo certificate, malformed parts. Whatever verifies must be the genuinely signed element,
 * never the attacker's copy (which carries attacker@evil.example).
 */

const ORIGINAL = readFileSync(join(FIXTURES, 'real/saml-responses/okta/ssoready-okta-response.xml'), 'utf8')
const METADATA = readFileSync(join(FIXTURES, 'real/saml-metadata/okta/ssoready-okta-app-metadata.xml'), 'utf8')
const METADATA_CERTS = [...METADATA.matchAll(/<(?:\w+:)?X509Certificate>([^<]+)</g)].map((m) => m[1]!)
const keys = trustedKeysFromCertificates(METADATA_CERTS)

const GENUINE_NAMEID = 'ulysse.carion@codomaindata.com'
const EVIL_NAMEID = 'attacker@evil.example'
const RESPONSE_ID = 'id35528194005172931133953195'
const ASSERTION_ID = 'id35528194006743571812188338'

// Pieces of the original, by text (the attacks are textual edits, as an attacker makes them).
const SIG_RE = /<ds:Signature[\s\S]*?<\/ds:Signature>/
const responseSignature = SIG_RE.exec(ORIGINAL)![0]
const unsignedResponseDoc = ORIGINAL.replace(responseSignature, '') // the assertion's signature still holds
const assertion = /<saml2:Assertion[\s\S]*<\/saml2:Assertion>/.exec(ORIGINAL)![0]
const assertionSignature = SIG_RE.exec(assertion)![0]
const assertionUnsigned = assertion.replace(assertionSignature, '')
const evil = (a: string, id = 'evil-assertion') =>
  a.replace(GENUINE_NAMEID, EVIL_NAMEID).replace(`ID="${ASSERTION_ID}"`, `ID="${id}"`)
const evilAssertion = evil(assertionUnsigned)
const responseOpen = /^[\s\S]*?<saml2p:Response[^>]*>/.exec(unsignedResponseDoc)![0]
const responseInner = unsignedResponseDoc.slice(
  responseOpen.length,
  unsignedResponseDoc.lastIndexOf('</saml2p:Response>'),
)
const withResponse = (inner: string, open = responseOpen) => `${open}${inner}</saml2p:Response>`

function parse(xml: string): XmlDocument {
  const p = parseSafeXml(xml)
  if (!p.ok) throw new Error(JSON.stringify(p.findings))
  return p.value
}

function assertions(doc: XmlDocument): XmlElement[] {
  const out: XmlElement[] = []
  const walk = (el: XmlElement) => {
    if (el.local === 'Assertion') out.push(el)
    for (const c of el.children) if (c.type === 'element') walk(c)
  }
  walk(doc.root)
  return out
}

/** Every signature in the document, verified: what a caller could possibly be told is signed. */
function verifyAll(doc: XmlDocument, k: readonly TrustedKey[] = keys): SignatureResult[] {
  return listSignatures(doc).map((s) => verifyEnvelopedSignature(doc, s, k))
}

/** The wrapping invariant: nothing that verifies contains the attacker's identity, and the attacker's assertion is never covered. */
function expectNoEvilAccepted(xml: string, k: readonly TrustedKey[]): SignatureResult[] {
  const doc = parse(xml)
  const results = verifyAll(doc, k)
  for (const r of results) if (r.ok) expect(textContent(r.signedElement)).not.toContain(EVIL_NAMEID)
  for (const a of assertions(doc)) {
    if (!textContent(a).includes(EVIL_NAMEID)) continue
    const sig = findEnvelopedSignature(a)
    const covered = results.some((r) => r.ok && (r.signedElement === a || isAncestor(r.signedElement, a)))
    expect(covered, "the attacker's assertion is covered by a valid signature").toBe(false)
    if (sig) expect(verifyEnvelopedSignature(doc, sig, k).ok).toBe(false)
  }
  return results
}

function isAncestor(a: XmlElement, b: XmlElement): boolean {
  for (let cur = b.parent; cur; cur = cur.parent) if (cur === a) return true
  return false
}

describe('the untouched original', () => {
  it('verifies the assertion signature with the metadata certificate; the Response one fails as SOURCES.md records', () => {
    const doc = parse(ORIGINAL)
    const results = verifyAll(doc)
    // SOURCES.md: "signature on Response: xmlsec1 FAILS: digest mismatch" (ssoready edited the captured response).
    expect(results.map((r) => r.ok)).toEqual([false, true])
    expect(results[0]!.problems.map((p) => p.kind)).toEqual(['digest-mismatch'])
    expect(results[0]!.signedElement).toBe(doc.root)
    expect(results[1]!.signedElement.local).toBe('Assertion')
    expect(results[1]!.signedElement.attrs.find((a) => a.local === 'ID')?.value).toBe(ASSERTION_ID)
    expect(results[1]!.key?.index).toBe(0)
    expect(results[1]!.keyInfoCertificateUntrusted).toBe(false)
  })
  it('the assertion signature alone still verifies once the Response signature is removed', () => {
    expect(verifyAll(parse(unsignedResponseDoc)).map((r) => r.ok)).toEqual([true])
  })
})

/** XSW1–XSW8 built from `base` (the Response's signature first in document order, then the assertion's). */
function wrappingCases(base: string): [string, string][] {
  const respSig = SIG_RE.exec(base)![0]
  const asrt = /<saml2:Assertion[\s\S]*<\/saml2:Assertion>/.exec(base)![0]
  const asrtSig = SIG_RE.exec(asrt)![0]
  const asrtUnsigned = asrt.replace(asrtSig, '')
  const evilA = evil(asrtUnsigned)
  const body = base.replace(/^<\?xml[^>]*>/, '')
  const open = /^[\s\S]*?<saml2p:Response[^>]*>/.exec(body)![0]
  const inner = body.slice(open.length, body.lastIndexOf('</saml2p:Response>')).replace(respSig, '')
  const wrap = (i: string) => `${open}${i}</saml2p:Response>`
  const evilOpen = `<saml2p:Response ID="evil-response" Version="2.0" IssueInstant="2024-04-25T20:31:55.494Z" xmlns:saml2p="urn:oasis:names:tc:SAML:2.0:protocol">`
  return [
    // XSW1: a new Response (other ID, evil assertion) whose Signature carries the original signed Response in ds:Object.
    [
      'XSW1',
      evilOpen +
        respSig.replace('</ds:Signature>', `<ds:Object>${body.replace(respSig, '')}</ds:Object></ds:Signature>`) +
        evilA +
        '</saml2p:Response>',
    ],
    // XSW2: as XSW1, the original Response as a sibling before the Signature (detached).
    ['XSW2', evilOpen + body.replace(respSig, '') + respSig + evilA + '</saml2p:Response>'],
    // XSW3: an unsigned evil assertion before the genuine signed one.
    ['XSW3', wrap(inner.replace(asrt, evilA + asrt))],
    // XSW3 with the same ID (a reader resolving the ID finds the evil one first).
    ['XSW3-same-id', wrap(inner.replace(asrt, evil(asrtUnsigned, ASSERTION_ID) + asrt))],
    // XSW4: the evil assertion wraps the genuine one.
    ['XSW4', wrap(inner.replace(asrt, evilA.replace('</saml2:Assertion>', asrt + '</saml2:Assertion>')))],
    // XSW5: the genuine signature moved into the evil assertion (same ID); the genuine assertion, unsigned, appended.
    ['XSW5', wrap(inner.replace(asrt, evil(asrt, ASSERTION_ID)) + asrtUnsigned)],
    // XSW6: the evil assertion holds the signature, which holds the genuine assertion in ds:Object.
    [
      'XSW6',
      wrap(
        inner.replace(
          asrt,
          evil(asrt, ASSERTION_ID).replace(
            asrtSig,
            asrtSig.replace('</ds:Signature>', `<ds:Object>${asrt}</ds:Object></ds:Signature>`),
          ),
        ),
      ),
    ],
    // XSW7: the genuine assertion hidden in an Extensions element; the evil one unsigned.
    ['XSW7', wrap(`<saml2p:Extensions>${asrt}</saml2p:Extensions>` + inner.replace(asrt, evilA))],
    // XSW8: the evil assertion holds the signature, whose ds:Object holds the genuine assertion without its signature.
    [
      'XSW8',
      wrap(
        inner.replace(
          asrt,
          evil(asrt, ASSERTION_ID).replace(
            asrtSig,
            asrtSig.replace('</ds:Signature>', `<ds:Object>${asrtUnsigned}</ds:Object></ds:Signature>`),
          ),
        ),
      ),
    ],
  ]
}

// The same Okta response with both signatures redone by xml-crypto (TEST-ONLY key): a base whose Response signature
// is valid, so XSW1/XSW2 wrap a genuinely signed Response.
const RESIGNED = (() => {
  const stripped = ORIGINAL.replace(/<ds:Signature[\s\S]*?<\/ds:Signature>/g, '')
  const c14n = 'http://www.w3.org/2001/10/xml-exc-c14n#'
  const a = signWithXmlCrypto(stripped, {
    xpath: `//*[local-name(.)='Assertion']`,
    after: `//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']`,
    c14n,
    prefix: 'ds',
  })
  return signWithXmlCrypto(a, {
    xpath: `/*[local-name(.)='Response']`,
    after: `/*[local-name(.)='Response']/*[local-name(.)='Issuer']`,
    c14n,
    prefix: 'ds',
  })
})()

describe('signature wrapping (XSW1–XSW8)', () => {
  const bases = [
    { name: 'real Okta response, metadata certificate', xml: ORIGINAL, keys },
    {
      name: 'Okta response re-signed (Response + Assertion)',
      xml: RESIGNED,
      keys: trustedKeysFromCertificates([TEST_CERT_PEM]),
    },
  ]
  it('the re-signed base verifies both signatures', () => {
    const doc = parse(RESIGNED)
    const results = listSignatures(doc).map((s) => verifyEnvelopedSignature(doc, s, bases[1]!.keys))
    expect(results.map((r) => r.ok)).toEqual([true, true])
    expect(results[0]!.signedElement).toBe(doc.root)
  })
  for (const base of bases) {
    const cases = wrappingCases(base.xml)
    for (const [name, xml] of cases) {
      it(`${base.name} · ${name}: only the genuine element can verify`, () => {
        const results = expectNoEvilAccepted(xml, base.keys)
        expect(results.length).toBeGreaterThan(0)
      })
    }
    it(`${base.name} · XSW1/2/5/6/8 are refused for the reason that defeats them (reference or duplicate ID)`, () => {
      for (const name of ['XSW1', 'XSW2', 'XSW5', 'XSW6', 'XSW8']) {
        const doc = parse(cases.find((c) => c[0] === name)![1])
        const kinds = listSignatures(doc).flatMap((s) =>
          verifyEnvelopedSignature(doc, s, base.keys).problems.map((p) => p.kind),
        )
        expect(
          kinds.some((k) => k === 'reference-uri' || k === 'duplicate-id'),
          `${name}: ${kinds.join(',')}`,
        ).toBe(true)
      }
    })
  }
})

describe('structural attacks', () => {
  const assertionOnly = unsignedResponseDoc
  const verifyAssertion = (xml: string): SignatureResult => {
    const doc = parse(xml)
    const a = assertions(doc)[0]!
    const sig = findEnvelopedSignature(a)
    expect(sig).toBeDefined()
    return verifyEnvelopedSignature(doc, sig!, keys)
  }
  it('duplicate IDs anywhere in the document', () => {
    const xml = withResponse(
      responseInner.replace(/<saml2p:Status[^>]*>/, (m) => `${m}<x ID="${ASSERTION_ID}" xmlns="urn:x"/>`),
    )
    const r = verifyAssertion(xml)
    expect(r.ok).toBe(false)
    expect(r.problems).toContainEqual({ kind: 'duplicate-id', id: ASSERTION_ID, count: 2 })
  })
  it('a Reference URI that names another element', () => {
    const r = verifyAssertion(assertionOnly.replace(`URI="#${ASSERTION_ID}"`, `URI="#${RESPONSE_ID}"`))
    expect(r.ok).toBe(false)
    expect(r.problems).toContainEqual({
      kind: 'reference-uri',
      expected: `#${ASSERTION_ID}`,
      actual: `#${RESPONSE_ID}`,
    })
  })
  it('the assertion signature moved to the Response, still referencing the assertion', () => {
    const moved = withResponse(assertionSignature + responseInner.replace(assertionSignature, ''))
    const doc = parse(moved)
    const r = verifyEnvelopedSignature(doc, findEnvelopedSignature(doc.root)!, keys)
    expect(r.ok).toBe(false)
    expect(r.problems).toContainEqual({
      kind: 'reference-uri',
      expected: `#${RESPONSE_ID}`,
      actual: `#${ASSERTION_ID}`,
    })
  })
  it('an empty Reference URI (the whole document)', () => {
    const r = verifyAssertion(assertionOnly.replace(`URI="#${ASSERTION_ID}"`, 'URI=""'))
    expect(r.ok).toBe(false)
    expect(r.problems).toContainEqual({ kind: 'reference-uri', expected: `#${ASSERTION_ID}`, actual: '' })
  })
  it('a Reference without URI', () => {
    const r = verifyAssertion(assertionOnly.replace(` URI="#${ASSERTION_ID}"`, ''))
    expect(r.problems).toContainEqual({ kind: 'reference-uri', expected: `#${ASSERTION_ID}`, actual: '(no URI)' })
  })
  it('two References', () => {
    const ref = /<ds:Reference[\s\S]*?<\/ds:Reference>/.exec(assertionSignature)![0]
    const r = verifyAssertion(assertionOnly.replace(ref, ref + ref.replace(`#${ASSERTION_ID}`, `#${RESPONSE_ID}`)))
    expect(r.ok).toBe(false)
    expect(r.problems).toContainEqual({ kind: 'reference-count', actual: 2 })
  })
  it('no Reference', () => {
    const ref = /<ds:Reference[\s\S]*?<\/ds:Reference>/.exec(assertionSignature)![0]
    const r = verifyAssertion(assertionOnly.replace(ref, ''))
    expect(r.problems).toContainEqual({ kind: 'reference-count', actual: 0 })
  })
  for (const [name, uri] of [
    ['XPath', 'http://www.w3.org/TR/1999/REC-xpath-19991116'],
    ['XSLT', 'http://www.w3.org/TR/1999/REC-xslt-19991116'],
    ['XPath Filter 2', 'http://www.w3.org/2002/06/xmldsig-filter2'],
    ['base64', 'http://www.w3.org/2000/09/xmldsig#base64'],
  ] as const) {
    it(`an extra ${name} transform`, () => {
      const r = verifyAssertion(
        assertionOnly.replace(
          '<ds:Transforms>',
          `<ds:Transforms><ds:Transform Algorithm="${uri}"><ds:XPath>not(ancestor-or-self::x)</ds:XPath></ds:Transform>`,
        ),
      )
      expect(r.ok).toBe(false)
      expect(r.problems).toContainEqual({ kind: 'transform-unsupported', actual: uri })
    })
  }
  it('no enveloped-signature transform', () => {
    const r = verifyAssertion(
      assertionOnly.replace('<ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>', ''),
    )
    expect(r.ok).toBe(false)
    expect(r.problems[0]!.kind).toBe('transform-unsupported')
  })
  it('two c14n transforms', () => {
    const t = '<ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>'
    const r = verifyAssertion(assertionOnly.replace(`${t}</ds:Transforms>`, `${t}${t}</ds:Transforms>`))
    expect(r.problems).toContainEqual({
      kind: 'transform-unsupported',
      actual: 'http://www.w3.org/2001/10/xml-exc-c14n#',
    })
  })
  for (const [name, uri] of [
    ['HMAC-SHA1', 'http://www.w3.org/2000/09/xmldsig#hmac-sha1'],
    ['HMAC-SHA256', 'http://www.w3.org/2001/04/xmldsig-more#hmac-sha256'],
    ['DSA-SHA1', 'http://www.w3.org/2000/09/xmldsig#dsa-sha1'],
  ] as const) {
    it(`signature method ${name}`, () => {
      const r = verifyAssertion(assertionOnly.replace('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', uri))
      expect(r.ok).toBe(false)
      expect(r.problems).toContainEqual({ kind: 'algorithm-unsupported', actual: uri })
    })
  }
  it('digest method MD5', () => {
    const uri = 'http://www.w3.org/2001/04/xmldsig-more#md5'
    const r = verifyAssertion(
      assertionOnly.replace(
        /(<ds:Reference URI="#id35528194006743571812188338">[\s\S]*?DigestMethod Algorithm=")[^"]+/,
        `$1${uri}`,
      ),
    )
    expect(r.problems).toContainEqual({ kind: 'digest-unsupported', actual: uri })
  })
  it('C14N 1.1 canonicalization', () => {
    const r = verifyAssertion(
      assertionOnly.replace(/(<ds:CanonicalizationMethod Algorithm=")[^"]+/, '$1http://www.w3.org/2006/12/xml-c14n11'),
    )
    expect(r.problems).toContainEqual({ kind: 'c14n-unsupported', actual: 'http://www.w3.org/2006/12/xml-c14n11' })
  })
  it('a changed NameID gives a digest mismatch with both digests as evidence', () => {
    const r = verifyAssertion(assertionOnly.replace(GENUINE_NAMEID, EVIL_NAMEID))
    expect(r.ok).toBe(false)
    expect(r.problems).toHaveLength(1)
    const p = r.problems[0]!
    expect(p.kind).toBe('digest-mismatch')
    if (p.kind === 'digest-mismatch') {
      expect(p.expected).toMatch(/^[A-Za-z0-9+/]+=*$/)
      expect(p.actual).not.toBe(p.expected)
    }
  })
  it('a changed SignatureValue is an invalid signature', () => {
    const r = verifyAssertion(
      assertionOnly.replace(/(<ds:SignatureValue>)(.)/, (_m, a: string, c: string) => a + (c === 'A' ? 'B' : 'A')),
    )
    expect(r.problems).toEqual([{ kind: 'signature-invalid' }])
  })
  it('comment injection in NameID: comments are outside the digest, so the genuine element verifies (readers must refuse comments)', () => {
    const xml = assertionOnly.replace(GENUINE_NAMEID, 'ulysse.carion@codomaindata.com<!---->.evil.example')
    const r = verifyAssertion(xml.replace('.evil.example', ''))
    expect(r.ok).toBe(true)
    const r2 = verifyAssertion(xml)
    expect(r2.ok).toBe(false) // extra text after the comment is content: digest mismatch
  })
  it('an attacker re-signs an evil assertion and puts their certificate in KeyInfo', () => {
    const evilDoc = withResponse(responseInner.replace(assertion, evilAssertion))
    const signed = signWithXmlCrypto(evilDoc, {
      xpath: `//*[local-name(.)='Assertion']`,
      after: `//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']`,
      c14n: 'http://www.w3.org/2001/10/xml-exc-c14n#',
    })
    const r = verifyAssertion(signed)
    expect(r.ok).toBe(false)
    expect(r.problems).toEqual([{ kind: 'signature-invalid' }])
    expect(r.keyInfoCertificateUntrusted).toBe(true)
  })
  it('no trusted keys', () => {
    const doc = parse(assertionOnly)
    const r = verifyEnvelopedSignature(doc, listSignatures(doc)[0]!, [])
    expect(r.ok).toBe(false)
    expect(r.problems).toContainEqual({ kind: 'no-trusted-keys' })
  })
  it('the signed element has no ID', () => {
    const r = verifyAssertion(assertionOnly.replace(`ID="${ASSERTION_ID}"`, ''))
    expect(r.problems).toContainEqual({ kind: 'missing-id', element: 'saml2:Assertion' })
  })
})

describe('malformed signatures never throw', () => {
  const bad: [string, string][] = [
    ['no SignedInfo', assertionSignature.replace(/<ds:SignedInfo>[\s\S]*<\/ds:SignedInfo>/, '')],
    ['two SignedInfo', assertionSignature.replace(/(<ds:SignedInfo>[\s\S]*<\/ds:SignedInfo>)/, '$1$1')],
    ['no SignatureValue', assertionSignature.replace(/<ds:SignatureValue>[\s\S]*<\/ds:SignatureValue>/, '')],
    [
      'SignatureValue not base64',
      assertionSignature.replace(
        /<ds:SignatureValue>[\s\S]*<\/ds:SignatureValue>/,
        '<ds:SignatureValue>!!notbase64!!</ds:SignatureValue>',
      ),
    ],
    [
      'empty SignatureValue',
      assertionSignature.replace(
        /<ds:SignatureValue>[\s\S]*<\/ds:SignatureValue>/,
        '<ds:SignatureValue></ds:SignatureValue>',
      ),
    ],
    ['DigestValue not base64', assertionSignature.replace(/<ds:DigestValue>[^<]*/, '<ds:DigestValue>%%%')],
    ['no DigestValue', assertionSignature.replace(/<ds:DigestValue>[^<]*<\/ds:DigestValue>/, '')],
    ['no CanonicalizationMethod', assertionSignature.replace(/<ds:CanonicalizationMethod[^>]*\/>/, '')],
    ['no SignatureMethod', assertionSignature.replace(/<ds:SignatureMethod[^>]*\/>/, '')],
    ['no Algorithm attributes', assertionSignature.replace(/ Algorithm="[^"]*"/g, '')],
  ]
  for (const [name, sig] of bad) {
    it(name, () => {
      const doc = parse(unsignedResponseDoc.replace(assertionSignature, sig))
      const s = listSignatures(doc)[0]!
      const r = verifyEnvelopedSignature(doc, s, keys)
      expect(r.ok).toBe(false)
      expect(r.problems.length).toBeGreaterThan(0)
    })
  }
  it('a garbage KeyInfo certificate is never used: the signature verifies with the metadata key, flagged untrusted', () => {
    const doc = parse(unsignedResponseDoc.replace(/<ds:X509Certificate>[^<]*/, '<ds:X509Certificate>@@@'))
    const r = verifyEnvelopedSignature(doc, listSignatures(doc)[0]!, keys)
    expect(r.ok).toBe(true)
    expect(r.keyInfoCertificateUntrusted).toBe(true)
  })
  it('a ds:Signature that is the root element', () => {
    const doc = parse(assertionSignature)
    expect(verifyEnvelopedSignature(doc, doc.root, keys).problems).toEqual([
      { kind: 'malformed', detail: 'the signature is the root element: it envelops nothing' },
    ])
  })
  it('an element that is not a ds:Signature', () => {
    const doc = parse(unsignedResponseDoc)
    expect(verifyEnvelopedSignature(doc, assertions(doc)[0]!, keys).problems[0]!.kind).toBe('malformed')
  })
})

describe('random mutations (seeded) never make verification throw or pass', () => {
  it('1,000 single-character mutations of the signed assertion', () => {
    let seed = 0x5eed
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed % n
    }
    const alphabet = '<>/="\' :#&;-_aZ09xmlnsID\n\t'
    const start = unsignedResponseDoc.indexOf('<saml2:Assertion')
    let parsed = 0,
      verifiedUnchanged = 0
    for (let i = 0; i < 1000; i++) {
      const at = start + rand(unsignedResponseDoc.length - start)
      const mutated =
        unsignedResponseDoc.slice(0, at) + alphabet[rand(alphabet.length)] + unsignedResponseDoc.slice(at + rand(2))
      const p = parseSafeXml(mutated)
      if (!p.ok) continue
      parsed++
      for (const s of listSignatures(p.value)) {
        const r = verifyEnvelopedSignature(p.value, s, keys)
        expect(
          r.problems.some((x) => x.kind === 'malformed' && x.detail.startsWith('verification failed')),
          'an internal error',
        ).toBe(false)
        if (r.ok) {
          verifiedUnchanged++
          // Only a change the signature does not cover may pass: the canonical signed element is unchanged.
          const original = parse(unsignedResponseDoc)
          const o = verifyEnvelopedSignature(original, listSignatures(original)[0]!, keys)
          expect(canonicalizeSigned(r)).toBe(canonicalizeSigned(o))
        }
      }
    }
    expect(parsed).toBeGreaterThan(100)
    expect(verifiedUnchanged).toBeLessThan(parsed)
  })
})

function canonicalizeSigned(r: SignatureResult): string {
  const sig = findEnvelopedSignature(r.signedElement)!
  return canonicalize(r.signedElement, { exclusive: true, withComments: false, exclude: sig })
}
