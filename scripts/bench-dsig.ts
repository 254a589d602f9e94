// npx tsx scripts/bench-dsig.ts — verification time of lib/xmldsig on a ~7 KB signed response, with the parse
// excluded and included, its parts (c14n, digest, RSA verify) and xml-crypto on the same input. Asserts nothing.
import { createHash, verify as cryptoVerify } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { DOMParser } from '@xmldom/xmldom'
import { SignedXml } from 'xml-crypto'
import { parseSafeXml } from '../lib/xml/parse'
import type { XmlDocument, XmlElement } from '../lib/xml/types'
import {
  canonicalize,
  findEnvelopedSignature,
  readSignatureParts,
  trustedKeysFromCertificates,
  verifyEnvelopedSignature,
} from '../lib/xmldsig/index'
import { CERT_PEM, signedResponseXml } from './bench/inputs'

interface Row {
  name: string
  n: number
  medianUs: number
  p95Us: number
  perSecond: number
}

function measure(name: string, fn: () => unknown, seconds = 1): Row {
  for (let i = 0; i < 200; i++) fn()
  const times: number[] = []
  const start = performance.now()
  while (performance.now() - start < seconds * 1000) {
    const t0 = performance.now()
    fn()
    times.push(performance.now() - t0)
  }
  const total = performance.now() - start
  times.sort((a, b) => a - b)
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]! * 1000
  return { name, n: times.length, medianUs: q(0.5), p95Us: q(0.95), perSecond: (times.length / total) * 1000 }
}

function parse(xml: string): XmlDocument {
  const p = parseSafeXml(xml)
  if (!p.ok) throw new Error('input does not parse')
  return p.value
}

function assertionOf(doc: XmlDocument): XmlElement {
  const walk = (el: XmlElement): XmlElement | undefined => {
    if (el.local === 'Assertion') return el
    for (const c of el.children)
      if (c.type === 'element') {
        const f = walk(c)
        if (f) return f
      }
    return undefined
  }
  return walk(doc.root)!
}

function bench(title: string, xml: string, certs: string[]) {
  const keys = trustedKeysFromCertificates(certs)
  const doc = parse(xml)
  const assertion = assertionOf(doc)
  const sig = findEnvelopedSignature(assertion)!
  const check = verifyEnvelopedSignature(doc, sig, keys)
  if (!check.ok) throw new Error(`${title}: does not verify: ${JSON.stringify(check.problems)}`)
  const parts = readSignatureParts(sig)
  if (typeof parts === 'string') throw new Error(parts)
  const refOpts = { exclusive: true, withComments: false, exclude: sig } as const
  const signedInfo = Buffer.from(canonicalize(parts.signedInfo, { exclusive: true, withComments: false }), 'utf8')
  const sigBytes = Buffer.from(parts.signatureValue.replace(/\s+/g, ''), 'base64')
  const key = keys[check.key!.index === keys[0]!.index ? 0 : 0]!.key
  const pem = certs[check.key!.index]!.includes('BEGIN')
    ? certs[check.key!.index]!
    : `-----BEGIN CERTIFICATE-----\n${certs[check.key!.index]!.replace(/\s+/g, '')}\n-----END CERTIFICATE-----\n`

  const rows = [
    measure('parseSafeXml (tree, once per response)', () => parse(xml)),
    measure('verifyEnvelopedSignature (parse excluded)', () => verifyEnvelopedSignature(doc, sig, keys)),
    measure('parse + find + verify (parse included)', () => {
      const d = parse(xml)
      const s = findEnvelopedSignature(assertionOf(d))!
      return verifyEnvelopedSignature(d, s, keys)
    }),
    measure('  part: c14n of the signed assertion', () => canonicalize(assertion, refOpts)),
    measure('  part: c14n + SHA-256 of the assertion', () =>
      createHash('sha256').update(canonicalize(assertion, refOpts), 'utf8').digest('base64'),
    ),
    measure('  part: RSA-SHA256 verify of SignedInfo (crypto floor)', () =>
      cryptoVerify('sha256', signedInfo, key, sigBytes),
    ),
    measure(
      'xml-crypto 6.3.2: DOM parse + checkSignature',
      () => {
        const dom = new DOMParser().parseFromString(xml, 'text/xml')
        const s = dom.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature')
        const node = Array.from(s as unknown as ArrayLike<{ parentNode: { localName: string } }>).find(
          (n) => n.parentNode.localName === 'Assertion',
        )
        const sx = new SignedXml({ publicCert: pem })
        sx.loadSignature(node as never)
        return sx.checkSignature(xml)
      },
      1,
    ),
  ]
  console.log(`\n## ${title} (${xml.length} characters, ${doc.elementCount} elements)`)
  console.log('| step | calls | median µs | p95 µs | per second |')
  console.log('|---|---:|---:|---:|---:|')
  for (const r of rows)
    console.log(
      `| ${r.name} | ${r.n} | ${r.medianUs.toFixed(1)} | ${r.p95Us.toFixed(1)} | ${Math.round(r.perSecond).toLocaleString('en-US')} |`,
    )
  const full = rows[2]!,
    xc = rows[6]!
  console.log(
    `parse+verify is ${(xc.medianUs / full.medianUs).toFixed(0)}x faster than xml-crypto; verify alone ${(rows[1]!.medianUs / 1000).toFixed(3)} ms`,
  )
}

const oktaXml = readFileSync(
  new URL('../../shared/fixtures/real/saml-responses/okta/ssoready-okta-response.xml', import.meta.url),
  'utf8',
)
const oktaMetadata = readFileSync(
  new URL('../../shared/fixtures/real/saml-metadata/okta/ssoready-okta-app-metadata.xml', import.meta.url),
  'utf8',
)
const oktaCerts = [...oktaMetadata.matchAll(/<(?:\w+:)?X509Certificate>([^<]+)</g)].map((m) => m[1]!)

bench('Real Okta response, assertion signature (metadata certificate)', oktaXml, oktaCerts)
bench('Entra-like response from scripts/bench/inputs.ts, assertion signed (TEST-ONLY key)', signedResponseXml(), [
  CERT_PEM,
])
