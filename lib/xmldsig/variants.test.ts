import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { parseSafeXml } from '../xml/parse'
import { C14N } from './c14n'
import { findEnvelopedSignature, listSignatures, trustedKeysFromCertificates, verifyEnvelopedSignature } from './index'
import { compareWithXmlCrypto } from './testing/differential'
import { xmlsec1Available, xmlsec1Verifies } from './testing/oracles'
import { resignWithOurC14n } from './testing/resign'
import { signWithXmlCrypto, TEST_CERT_PEM, TEST_KEY_PEM } from './testing/sign'

/*
 * Generated variants of a SAML response that stress canonicalization, signed by xml-crypto (an implementation other
 * than ours): our canonical bytes must equal xml-crypto's, we must verify its signatures, and xmlsec1 must verify
 * signatures computed over OUR canonical bytes. Where xml-crypto departs from the C14N spec (it does not give an
 * inclusive apex its ancestors' xml:* attributes; it sorts prefixes with localeCompare; its exclusive c14n repeats
 * xmlns="" below an undeclaration), xmlsec1 is the judge.
 */

const P = 'urn:oasis:names:tc:SAML:2.0:protocol'
const A = 'urn:oasis:names:tc:SAML:2.0:assertion'

function response(o: {
  rootAttrs?: string
  rootNs?: string
  assertionAttrs?: string
  body: string
  crlf?: boolean
}): string {
  const xml =
    `<samlp:Response xmlns:samlp="${P}" xmlns:saml="${A}" ${o.rootNs ?? ''} ID="_resp1" Version="2.0" IssueInstant="2026-11-22T10:00:00Z" ${o.rootAttrs ?? ''}>` +
    `<saml:Issuer>https://idp.example.com/</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    `<saml:Assertion ID="_assert1" Version="2.0" IssueInstant="2026-11-22T10:00:00Z" ${o.assertionAttrs ?? ''}>` +
    `<saml:Issuer>https://idp.example.com/</saml:Issuer>` +
    o.body +
    `</saml:Assertion></samlp:Response>`
  return o.crlf ? xml.replace(/></g, '>\r\n  <') : xml
}

interface Variant {
  name: string
  xml: string
  specOnly?: 'inclusive' | 'exclusive' | 'all'
}

const VARIANTS: Variant[] = [
  {
    name: 'plain SAML with xsi:type values using an ancestor-declared xs prefix',
    xml: response({
      rootNs: 'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
      body:
        `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">ada@example.com</saml:NameID></saml:Subject>` +
        `<saml:AttributeStatement><saml:Attribute Name="email"><saml:AttributeValue xsi:type="xs:string">ada@example.com</saml:AttributeValue></saml:Attribute></saml:AttributeStatement>`,
    }),
  },
  {
    name: 'default namespaces, undeclared with xmlns="" and re-declared',
    // xml-crypto's exclusive c14n repeats xmlns="" on every unprefixed child of an undeclaring element (xmldom
    // reports its namespace as null, not ''); the spec, xmlsec1 and we render it once.
    specOnly: 'exclusive',
    xml:
      `<Response xmlns="${P}" ID="_resp1" Version="2.0"><Issuer xmlns="${A}">idp</Issuer>` +
      `<Assertion xmlns="${A}" ID="_assert1" Version="2.0"><Issuer>idp</Issuer><Subject><NameID>ada</NameID></Subject>` +
      `<Extra xmlns=""><Inner a="1"><Deep xmlns="urn:x"><Deeper xmlns=""/></Deep></Inner></Extra><Back xmlns="${A}"/></Assertion></Response>`,
  },
  {
    name: 'prefixes redeclared to another URI and to the same URI',
    xml: response({
      rootNs: 'xmlns:p="urn:first" xmlns:unused="urn:unused"',
      body:
        `<saml:Subject xmlns:saml="${A}"><saml:NameID p:q="1">ada</saml:NameID></saml:Subject>` +
        `<p:Ext xmlns:p="urn:second" p:a="2"><p:In xmlns:p="urn:first"/><p:In2 xmlns:p="urn:second"/></p:Ext>`,
    }),
  },
  {
    name: 'attribute values and text needing escaping, CDATA, non-ASCII',
    xml: response({
      assertionAttrs: 'Note="a&amp;b &lt;c&gt; &quot;q&quot; \'s\' tab&#9;nl&#10;cr&#13;end"',
      body:
        `<saml:Subject><saml:NameID>a&amp;b &lt;c&gt; cr&#13; "q" 'é' 😀</saml:NameID></saml:Subject>` +
        `<saml:Advice><![CDATA[x<y>&z]]>tail&gt;</saml:Advice>`,
    }),
  },
  {
    name: 'comments in the signed element, one inside NameID',
    xml: response({
      body: `<!-- before --><saml:Subject><saml:NameID>ada@example.com<!-- injected -->.evil.example</saml:NameID></saml:Subject><!--after-->`,
    }),
  },
  {
    name: 'nested prefixes, attributes whose namespace order differs from prefix order',
    xml: response({
      rootNs: 'xmlns:a="urn:zzz" xmlns:b="urn:aaa" xmlns:c="urn:mmm"',
      body:
        `<saml:Subject><saml:NameID b:k="2" a:k="1" z="0" k="9">ada</saml:NameID></saml:Subject>` +
        `<c:Ext><c:Deep><a:Deeper b:x="1"/></c:Deep></c:Ext>`,
    }),
  },
  {
    name: 'pretty-printed with CRLF line ends',
    xml: response({ crlf: true, body: `<saml:Subject><saml:NameID>ada</saml:NameID></saml:Subject>` }),
  },
  {
    name: 'xml:lang / xml:space on ancestors (inherited by an inclusive apex)',
    specOnly: 'inclusive',
    xml: response({
      rootAttrs: 'xml:lang="en" xml:space="preserve"',
      assertionAttrs: 'xml:space="default"',
      body: `<saml:Subject><saml:NameID>ada</saml:NameID></saml:Subject>`,
    }),
  },
  {
    name: 'prefixes differing only in case (code-point order, not locale order)',
    specOnly: 'all',
    xml: response({
      rootNs: 'xmlns:B="urn:bb" xmlns:a="urn:aa"',
      body: `<saml:Subject><saml:NameID B:x="1" a:y="2">ada</saml:NameID></saml:Subject>`,
    }),
  },
]

const ALGORITHMS: { name: string; c14n: string; prefixList?: string[] }[] = [
  { name: 'exc-c14n', c14n: C14N.exclusive },
  { name: 'exc-c14n#WithComments', c14n: C14N.exclusiveWithComments },
  { name: 'exc-c14n + PrefixList', c14n: C14N.exclusive, prefixList: ['xs', 'xsi', 'p'] },
  { name: 'c14n', c14n: C14N.inclusive },
  { name: 'c14n#WithComments', c14n: C14N.inclusiveWithComments },
]

const TARGETS = [
  {
    name: 'Assertion',
    xpath: `//*[local-name(.)='Assertion']`,
    after: `//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']`,
  },
  {
    name: 'Response',
    xpath: `/*[local-name(.)='Response']`,
    after: `/*[local-name(.)='Response']/*[local-name(.)='Issuer']`,
  },
]

const keys = trustedKeysFromCertificates([TEST_CERT_PEM])
const rsaKey = createPrivateKey(TEST_KEY_PEM)

function verifyFirst(xml: string) {
  const doc = parseSafeXml(xml)
  if (!doc.ok) throw new Error(JSON.stringify(doc.findings))
  const sig = listSignatures(doc.value)[0]!
  return { doc: doc.value, sig, result: verifyEnvelopedSignature(doc.value, sig, keys) }
}

describe('generated variants: c14n and verification agree with xml-crypto and xmlsec1', () => {
  for (const v of VARIANTS) {
    for (const alg of ALGORITHMS) {
      for (const t of TARGETS) {
        for (const prefix of [undefined, 'ds']) {
          const label = `${v.name} · ${alg.name} · ${t.name}${prefix ? ' · ds:' : ''}`
          const diverges =
            v.specOnly === 'all' ||
            (v.specOnly === 'inclusive' && alg.c14n.startsWith(C14N.inclusive)) ||
            (v.specOnly === 'exclusive' && alg.c14n.startsWith(C14N.exclusive))
          it(label, () => {
            const signed = signWithXmlCrypto(v.xml, {
              xpath: t.xpath,
              after: t.after,
              c14n: alg.c14n,
              ...(alg.prefixList ? { prefixList: alg.prefixList, signedInfoPrefixList: alg.prefixList } : {}),
              ...(prefix ? { prefix } : {}),
            })
            const { result, sig } = verifyFirst(signed)
            if (!diverges) {
              const n = compareWithXmlCrypto(signed, label)
              expect(n).toEqual({ signedInfo: 1, reference: 1 })
              expect(result.problems).toEqual([])
              expect(result.ok).toBe(true)
              expect(result.signedElement).toBe(sig.parent)
            }
            if (xmlsec1Available) {
              expect(result.ok, "same verdict as xmlsec1 on xml-crypto's signature").toBe(
                xmlsec1Verifies(signed, TEST_CERT_PEM, 0),
              )
              // The independent check of our bytes: xmlsec1 verifies a signature made over OUR canonical form.
              const ours = resignWithOurC14n(signed, rsaKey)
              expect(xmlsec1Verifies(ours, TEST_CERT_PEM, 0), 'xmlsec1 accepts our canonical bytes').toBe(true)
              expect(verifyFirst(ours).result.ok).toBe(true)
            }
          })
        }
      }
    }
  }

  it('comments inside the signed element are not covered: the signed element still verifies (the reader must refuse them)', () => {
    const signed = signWithXmlCrypto(VARIANTS[4]!.xml, {
      xpath: TARGETS[0]!.xpath,
      after: TARGETS[0]!.after,
      c14n: C14N.exclusiveWithComments,
    })
    const { result } = verifyFirst(signed)
    expect(result.ok).toBe(true)
  })
})

describe('ECDSA signatures (XML-DSig raw r||s)', () => {
  for (const [curve, uri] of [
    ['P-256', 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256'],
    ['P-384', 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384'],
    ['P-521', 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512'],
  ] as const) {
    it(`${uri.split('#')[1]} on ${curve}`, () => {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: curve })
      const pubPem = publicKey.export({ type: 'spki', format: 'pem' }).toString()
      const signed = signWithXmlCrypto(VARIANTS[0]!.xml, {
        xpath: TARGETS[0]!.xpath,
        after: TARGETS[0]!.after,
        c14n: C14N.exclusive,
      })
      const ec = resignWithOurC14n(signed, privateKey, uri)
      const doc = parseSafeXml(ec)
      if (!doc.ok) throw new Error('parse')
      const sig = listSignatures(doc.value)[0]!
      const r = verifyEnvelopedSignature(doc.value, sig, trustedKeysFromCertificates([pubPem]))
      expect(r.problems).toEqual([])
      expect(r.ok).toBe(true)
      // The RSA metadata key must not verify an ECDSA signature.
      expect(verifyEnvelopedSignature(doc.value, sig, keys).problems).toEqual([{ kind: 'signature-invalid' }])
      if (xmlsec1Available) expect(xmlsec1Verifies(ec, pubPem, 0)).toBe(true)
      expect(createPublicKey(pubPem).asymmetricKeyType).toBe('ec')
      expect(findEnvelopedSignature(sig.parent!)).toBe(sig)
    })
  }
})
