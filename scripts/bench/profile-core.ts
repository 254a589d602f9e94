// A driver for the profiler: `node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx scripts/bench/profile-core.ts
// [response|metadata|first-seen] [seconds]` runs one hot path of `npm run bench` in a loop on the bench's inputs, so
// a profile shows only that path. Prints the call rate; asserts nothing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { BUILTIN_PROFILES } from '../../lib/index'
import { analyzeSamlMetadata } from '../../lib/saml/metadata/index'
import { readSamlResponse, validateSamlResponse } from '../../lib/saml/response/index'
import { parseSafeXml } from '../../lib/xml/index'
import { firstSeenMetadata, signedResponseCase } from './cases'
import { findEnvelopedSignature, trustedKeysFromCertificates, verifyEnvelopedSignature } from '../../lib/xmldsig/index'
import { CERT_B64, largeSignedEntraMetadata, NOW, REQUEST_ID, signedResponseXml } from './inputs'

const what = process.argv[2] ?? 'response'
const seconds = Number(process.argv[3] ?? 5)

function loop(name: string, fn: () => unknown) {
  let n = 0
  const start = performance.now()
  while (performance.now() - start < seconds * 1000) {
    fn()
    n++
  }
  console.log(`${name}: ${n} calls, ${((performance.now() - start) / n).toFixed(3)} ms/call`)
}

if (what === 'response') {
  const { b64, trust, ctx } = signedResponseCase()
  loop('validateSamlResponse', () => validateSamlResponse({ response: b64 }, trust, { ctx, requestId: REQUEST_ID }))
} else if (what === 'parse') {
  const xml = signedResponseXml()
  loop('parseSafeXml', () => parseSafeXml(xml))
} else if (what === 'signature') {
  // the assertion signature alone (digest, c14n, RSA), on an already parsed response
  const doc = parseSafeXml(signedResponseXml())
  if (!doc.ok) throw new Error('bench input does not parse')
  const assertion = readSamlResponse(doc.value).assertions[0]!
  const signature = findEnvelopedSignature(assertion)!
  const keys = trustedKeysFromCertificates([CERT_B64])
  loop('verifyEnvelopedSignature', () => verifyEnvelopedSignature(doc.value, signature, keys))
} else if (what === 'metadata') {
  const large = largeSignedEntraMetadata()
  const opts = { profile: BUILTIN_PROFILES.autodesk, now: NOW }
  loop('analyzeSamlMetadata 50 KB', () => analyzeSamlMetadata({ xml: large }, opts))
} else {
  // first seen: a new certificate per document (keys made up front, outside the timed loop)
  const opts = { profile: BUILTIN_PROFILES.autodesk, now: NOW }
  // FIRST_SEEN_DOCS=<file.json>: documents made by an earlier run, so that key generation stays out of the profile.
  const cached = process.env.FIRST_SEEN_DOCS
  const docs: string[] =
    cached && existsSync(cached) ? (JSON.parse(readFileSync(cached, 'utf8')) as string[]) : makeDocs()
  if (cached && !existsSync(cached)) writeFileSync(cached, JSON.stringify(docs))
  function makeDocs(): string[] {
    return firstSeenMetadata(Number(process.argv[4] ?? 200), 'profile-first-seen')
  }
  // warm the code paths on an already seen document first
  for (let i = 0; i < 200; i++) analyzeSamlMetadata({ xml: docs[0]! }, opts)
  const times = docs.slice(1).map((xml) => {
    const t0 = performance.now()
    analyzeSamlMetadata({ xml }, opts)
    return performance.now() - t0
  })
  times.sort((a, b) => a - b)
  console.log(`first-seen: ${times.length} documents, median ${times[times.length >> 1]!.toFixed(3)} ms`)
}
