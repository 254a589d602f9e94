// `node --import tsx scripts/bench/stages.ts`: the signed-response validation of `npm run bench`, stage by stage
// (decode, parse, read, signature gate, assertion checks, report), each as a median µs and as a multiple of the crypto
// floor measured in the same run. Shows where the time goes without a profiler; asserts nothing.
import { createHash, createPublicKey, createSign, createVerify } from 'node:crypto'
import { BUILTIN_PROFILES } from '../../lib/index'
import { parseSafeXml } from '../../lib/xml/index'
import { firstSeenMetadata, signedResponseCase } from './cases'
import {
  checkSignatures,
  checkAssertionTimes,
  checkAttributes,
  checkAudience,
  checkBearer,
  checkInResponseTo,
  checkIssuer,
  checkNameId,
  checkAuthnStatement,
  checkSpNameQualifier,
  checkStatus,
  checkDestination,
  checkResponseTimes,
  pickBearer,
  responseFacts,
  decodeSamlMessage,
  readAssertion,
  readSamlResponse,
  validateParsed,
  validateSamlResponse,
} from '../../lib/saml/response/index'
import { buildReport } from '../../lib/findings/report'
import { withSamlComparison } from '../../lib/findings/comparison'
import { detectDecodedXml } from '../../lib/input/detect-input'
import { canonicalize } from '../../lib/xmldsig/c14n'
import { readSignatureParts, verifyEnvelopedSignature } from '../../lib/xmldsig/verify'
import { trustedKeysFromCertificates } from '../../lib/xmldsig/keys'
import { certificateFingerprint, parseCertificate } from '../../lib/certs/parse'
import { CERT_B64, CERT_PEM, KEY_PEM, NOW, REQUEST_ID } from './inputs'

const { xml, b64, trust, ctx } = signedResponseCase()
const doc = parseSafeXml(xml)
if (!doc.ok) throw new Error('bench input does not parse')
const model = readSamlResponse(doc.value)
const assertionEl = model.assertions[0]!
const gate = checkSignatures(doc.value, model.response, assertionEl, trust, ctx)

const signedInfo = xml.slice(xml.indexOf('<SignedInfo'), xml.indexOf('</SignedInfo>') + 13)
const assertion = xml.slice(xml.indexOf('<Assertion'), xml.indexOf('</Assertion>') + 12)
const sigValue = createSign('RSA-SHA256').update(signedInfo).sign(KEY_PEM)
const publicKey = createPublicKey(CERT_PEM)

function median(fn: () => unknown, ms = 1200): number {
  for (let i = 0; i < 300; i++) fn()
  const t: number[] = []
  const start = performance.now()
  while (performance.now() - start < ms) {
    const t0 = performance.now()
    fn()
    t.push(performance.now() - t0)
  }
  t.sort((a, b) => a - b)
  return t[t.length >> 1]! * 1000
}
const floor = median(() => {
  createHash('sha256').update(assertion).digest()
  createVerify('RSA-SHA256').update(signedInfo).verify(publicKey, sigValue)
})
const [findings, extra] = validateParsed(doc.value, trust, ctx, REQUEST_ID)
const report = () =>
  withSamlComparison(
    buildReport({
      subject: {
        kind: 'saml-response',
        idp: ctx.idp,
        entityId: trust.entityId,
        ...(extra.issuer ? { issuer: extra.issuer } : {}),
      },
      profile: ctx.profile.id,
      now: ctx.now,
      findings,
      ...(extra.facts ? { facts: extra.facts } : {}),
      ...(extra.certificates ? { certificates: extra.certificates } : {}),
      ...(extra.timeline ? { timeline: extra.timeline } : {}),
    }),
    ctx.profile,
    { spEntityId: ctx.spEntityId, acsUrl: ctx.acsUrl },
  )
const asrSig = assertionEl.children.find((c) => c.type === 'element' && c.local === 'Signature') as typeof assertionEl
const keys = trustedKeysFromCertificates([CERT_B64])
const sigParts = readSignatureParts(asrSig) as Exclude<ReturnType<typeof readSignatureParts>, string>
const signed = { ...readAssertion(gate.signedAssertion!), signedBy: gate.signedBy! }
const sc = pickBearer(signed, ctx, REQUEST_ID)
const rows: [string, number][] = [
  [
    'whole validateSamlResponse',
    median(() => validateSamlResponse({ response: b64 }, trust, { ctx, requestId: REQUEST_ID })),
  ],
  [
    'whole, raw XML input',
    median(() => validateSamlResponse({ response: xml }, trust, { ctx, requestId: REQUEST_ID })),
  ],
  [
    'decode + parse + validateParsed',
    median(() => {
      const d = decodeSamlMessage(b64)
      if (d.ok) {
        const p = parseSafeXml(d.value.xml)
        if (p.ok) validateParsed(p.value, trust, ctx, REQUEST_ID)
      }
    }),
  ],
  [
    'parse + validateParsed',
    median(() => {
      const p = parseSafeXml(xml)
      if (p.ok) validateParsed(p.value, trust, ctx, REQUEST_ID)
    }),
  ],
  ['decode (base64)', median(() => decodeSamlMessage(b64))],
  ['parseSafeXml', median(() => parseSafeXml(xml))],
  ['readSamlResponse', median(() => readSamlResponse(doc.value))],
  [
    'checkSignatures (incl. RSA + digest)',
    median(() => checkSignatures(doc.value, model.response, assertionEl, trust, ctx)),
  ],
  ['  verifyEnvelopedSignature (assertion)', median(() => verifyEnvelopedSignature(doc.value, asrSig, keys))],
  [
    '  c14n of the assertion',
    median(() => canonicalize(assertionEl, { exclusive: true, withComments: false, exclude: asrSig })),
  ],
  ['  c14n of SignedInfo', median(() => canonicalize(sigParts.signedInfo, { exclusive: true, withComments: false }))],
  ['  readSignatureParts', median(() => readSignatureParts(asrSig))],
  ['  trustedKeysFromCertificates', median(() => trustedKeysFromCertificates([CERT_B64]))],
  ['  certificateFingerprint', median(() => certificateFingerprint(CERT_B64))],
  ['  parseCertificate (cached)', median(() => parseCertificate(CERT_B64))],
  [
    '  response-level checks',
    median(() => {
      const r = model.response!
      checkStatus(r.status, ctx)
      checkIssuer(r, undefined, trust, ctx)
      checkDestination(r, ctx)
      checkResponseTimes(r, ctx)
    }),
  ],
  ['  pickBearer', median(() => pickBearer(signed, ctx, REQUEST_ID))],
  ['  checkIssuer', median(() => checkIssuer(undefined, signed, trust, ctx))],
  ['  checkAudience', median(() => checkAudience(signed, ctx))],
  ['  checkBearer', median(() => checkBearer(signed, sc, ctx))],
  ['  checkInResponseTo', median(() => checkInResponseTo(model.response, sc, REQUEST_ID, ctx))],
  ['  checkAssertionTimes', median(() => checkAssertionTimes(signed, sc, ctx))],
  ['  checkNameId', median(() => checkNameId(signed, ctx))],
  ['  checkSpNameQualifier', median(() => checkSpNameQualifier(signed, ctx))],
  ['  checkAuthnStatement', median(() => checkAuthnStatement(signed, ctx))],
  ['  checkAttributes', median(() => checkAttributes(signed, ctx))],
  ['  responseFacts', median(() => responseFacts({ encoding: 'base64', signed, response: model.response!, gate }))],
  ['readAssertion', median(() => readAssertion(gate.signedAssertion!))],
  ['buildReport + withSamlComparison', median(report)],
  ['detectDecodedXml', median(() => detectDecodedXml(xml, 'base64', b64))],
  ['validateParsed (read + gate + checks)', median(() => validateParsed(doc.value, trust, ctx, REQUEST_ID))],
  ['whole again', median(() => validateSamlResponse({ response: b64 }, trust, { ctx, requestId: REQUEST_ID }))],
  [
    'whole, raw XML input, again',
    median(() => validateSamlResponse({ response: xml }, trust, { ctx, requestId: REQUEST_ID })),
  ],
]
console.log(`crypto floor ${floor.toFixed(1)} µs`)
for (const [name, us] of rows)
  console.log(`${name.padEnd(40)} ${us.toFixed(1).padStart(8)} µs  ${(us / floor).toFixed(2)}× floor`)

// The 50 KB signed metadata of `npm run bench`: parse, c14n of the whole document, the whole analysis (certificate
// known), and the first-seen analysis (a new certificate per document, as the bench times it).
if (process.argv.includes('--metadata')) {
  const { analyzeSamlMetadata } = await import('../../lib/saml/metadata/index')
  const { largeSignedEntraMetadata } = await import('./inputs')
  const large = largeSignedEntraMetadata()
  const md = parseSafeXml(large)
  if (!md.ok) throw new Error('bench metadata does not parse')
  const mdSig = md.value.root.children.find(
    (c) => c.type === 'element' && c.local === 'Signature',
  ) as typeof assertionEl
  const opts = { profile: BUILTIN_PROFILES.autodesk, now: NOW }
  const fresh = firstSeenMetadata(15, 'stages-first-seen')
  const mdRows: [string, number][] = [
    ['metadata: parseSafeXml (50 KB)', median(() => parseSafeXml(large))],
    [
      'metadata: c14n of the document',
      median(() => canonicalize(md.value.root, { exclusive: true, withComments: false, exclude: mdSig })),
    ],
    ['metadata: analyzeSamlMetadata (known cert)', median(() => analyzeSamlMetadata({ xml: large }, opts))],
  ]
  for (const [name, us] of mdRows) console.log(`${name.padEnd(44)} ${us.toFixed(1).padStart(8)} µs`)
  const firstSeen = fresh
    .map((x) => {
      const t0 = performance.now()
      analyzeSamlMetadata({ xml: x }, opts)
      return (performance.now() - t0) * 1000
    })
    .sort((a, b) => a - b)
  console.log(`metadata: first-seen analysis, median of 15    ${firstSeen[7]!.toFixed(1).padStart(8)} µs`)
}
