// A driver for the profiler: `node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx scripts/bench/profile-core.ts
// [response|metadata|first-seen] [seconds]` runs one hot path of `npm run bench` in a loop on the bench's inputs, so
// a profile shows only that path. Prints the call rate; asserts nothing.
import { generateKeyPairSync } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { BUILTIN_PROFILES, checkContext } from '../../lib/index'
import { selfSignedCertificatePem } from '../../lib/mock-idp/self-signed-cert'
import { analyzeSamlMetadata } from '../../lib/saml/metadata/index'
import { readSamlResponse, validateSamlResponse } from '../../lib/saml/response/index'
import { parseSafeXml } from '../../lib/xml/index'
import { findEnvelopedSignature, trustedKeysFromCertificates, verifyEnvelopedSignature } from '../../lib/xmldsig/index'
import {
  ACS_URL,
  CERT_B64,
  IDP_ENTITY_ID,
  largeSignedEntraMetadata,
  NOW,
  REQUEST_ID,
  SP_ENTITY_ID,
  signedResponseXml,
} from './inputs'

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
  const b64 = Buffer.from(signedResponseXml()).toString('base64')
  const trust = { entityId: IDP_ENTITY_ID, signingCertificates: [CERT_B64], kind: 'entra' as const }
  const ctx = checkContext({
    profile: BUILTIN_PROFILES.autodesk,
    now: NOW,
    idp: 'entra',
    spEntityId: SP_ENTITY_ID,
    acsUrl: ACS_URL,
  })
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
    return Array.from({ length: Number(process.argv[4] ?? 200) }, (_, i) => {
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
      const certPem = selfSignedCertificatePem({
        privateKey,
        publicKey,
        commonName: `profile-first-seen-${i}`,
        notBefore: new Date(NOW.getTime() - 86_400_000),
        notAfter: new Date(NOW.getTime() + 365 * 86_400_000),
      })
      return largeSignedEntraMetadata({
        keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        certPem,
      })
    })
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
