import { createHash, verify as cryptoVerify } from 'node:crypto'
import type { XmlDocument, XmlElement } from '../xml/types'
import { DIGEST_ALGORITHMS, DS_NS, ENVELOPED_SIGNATURE, SIGNATURE_ALGORITHMS } from './algorithms'
import { c14nOptionsFor, canonicalize, type C14nOptions } from './c14n'
import { certificateFingerprint } from '../certs/parse'
import type { SignatureProblem, SignatureResult, TrustedKey } from './types'
import type { Mutable } from '../mutable'

/*
 * Strict verification of an enveloped XML signature, the only kind SAML uses. What makes it strict (and what
 * defeats signature wrapping): the one Reference must point at the signature's own parent by that element's ID, the
 * ID must be unique in the document, the transforms are exactly enveloped-signature + one canonicalization, and the
 * key comes only from the caller's trusted keys. The caller then reads data only from `signedElement`.
 */

/** One ds:Reference as written. */
export interface SignatureReference {
  readonly uri: string | undefined
  readonly transforms: readonly string[]
  readonly inclusivePrefixes: readonly string[] | undefined
  readonly digestMethod: string
  readonly digestValue: string
}

/** The parts of a ds:Signature, read without judging them (for tests and evidence). */
export interface SignatureParts {
  readonly signedInfo: XmlElement
  readonly canonicalizationMethod: string
  readonly signedInfoPrefixes: readonly string[] | undefined
  readonly signatureMethod: string
  readonly signatureValue: string
  readonly references: readonly SignatureReference[]
  readonly keyInfoCertificates: readonly string[]
}

/** The ds:Signature that is a direct child of `el` (an enveloped signature over `el`), if any. */
export function findEnvelopedSignature(el: XmlElement): XmlElement | undefined {
  for (const c of el.children) if (c.type === 'element' && c.ns === DS_NS && c.local === 'Signature') return c
  return undefined
}

/** Every ds:Signature in the document, in document order. */
export function listSignatures(doc: XmlDocument): XmlElement[] {
  const out: XmlElement[] = []
  const walk = (el: XmlElement) => {
    if (el.ns === DS_NS && el.local === 'Signature') out.push(el)
    for (const c of el.children) if (c.type === 'element') walk(c)
  }
  walk(doc.root)
  return out
}

/**
 * Verifies `signature` as an enveloped signature over its parent element with one of `keys`. Never throws on
 * hostile input: every defect is a problem, and `ok` is true only when there is none.
 * @example const r = verifyEnvelopedSignature(doc, sig, keys); if (r.ok) readAssertion(r.signedElement)
 */
export function verifyEnvelopedSignature(
  doc: XmlDocument,
  signature: XmlElement,
  keys: readonly TrustedKey[],
): SignatureResult {
  try {
    return verify(doc, signature, keys)
  } catch (err) {
    // A bug of ours must not turn into a pass; report it as a malformed signature.
    return fail(signature.parent ?? signature, [
      { kind: 'malformed', detail: `verification failed: ${err instanceof Error ? err.message : String(err)}` },
    ])
  }
}

function fail(
  signedElement: XmlElement,
  problems: SignatureProblem[],
  partial: Partial<SignatureResult> = {},
): SignatureResult {
  return {
    signatureMethod: '',
    digestMethod: '',
    canonicalizationMethod: '',
    ...partial,
    ok: false,
    signedElement,
    problems,
  }
}

function verify(doc: XmlDocument, signature: XmlElement, keys: readonly TrustedKey[]): SignatureResult {
  const signed = signature.parent
  if (signature.ns !== DS_NS || signature.local !== 'Signature') {
    return fail(signed ?? signature, [{ kind: 'malformed', detail: `<${signature.name}> is not a ds:Signature` }])
  }
  if (!signed)
    return fail(signature, [{ kind: 'malformed', detail: 'the signature is the root element: it envelops nothing' }])

  const parts = readSignatureParts(signature)
  if (typeof parts === 'string') return fail(signed, [{ kind: 'malformed', detail: parts }])
  const problems: SignatureProblem[] = []
  const base = {
    signatureMethod: parts.signatureMethod,
    digestMethod: parts.references[0]?.digestMethod ?? '',
    canonicalizationMethod: parts.canonicalizationMethod,
  }
  const keyInfoCertificateUntrusted =
    parts.keyInfoCertificates.length > 0 ? untrusted(parts.keyInfoCertificates, keys) : undefined
  const extra = keyInfoCertificateUntrusted === undefined ? {} : { keyInfoCertificateUntrusted }

  // Which element is signed: the parent, named by its ID.
  const id = elementId(signed)
  if (id === undefined) problems.push({ kind: 'missing-id', element: signed.name })
  for (const [dupId, els] of doc.ids)
    if (els.length > 1) problems.push({ kind: 'duplicate-id', id: dupId, count: els.length })
  if (parts.references.length !== 1) problems.push({ kind: 'reference-count', actual: parts.references.length })
  const ref = parts.references[0]
  if (ref && id !== undefined && ref.uri !== `#${id}`)
    problems.push({ kind: 'reference-uri', expected: `#${id}`, actual: ref.uri ?? '(no URI)' })

  // Algorithms.
  const siC14n = c14nOptionsFor(parts.canonicalizationMethod)
  if (!siC14n) problems.push({ kind: 'c14n-unsupported', actual: parts.canonicalizationMethod })
  const sigAlg = SIGNATURE_ALGORITHMS[parts.signatureMethod]
  if (!sigAlg) problems.push({ kind: 'algorithm-unsupported', actual: parts.signatureMethod })
  let refC14n: C14nOptions | undefined
  let digestAlg: { hash: string } | undefined
  if (ref) {
    refC14n = referenceC14n(ref, signature, problems)
    digestAlg = DIGEST_ALGORITHMS[ref.digestMethod]
    if (!digestAlg) problems.push({ kind: 'digest-unsupported', actual: ref.digestMethod })
  }
  if (keys.length === 0) problems.push({ kind: 'no-trusted-keys' })
  if (problems.length > 0 || !ref || !refC14n || !digestAlg || !siC14n || !sigAlg)
    return fail(signed, problems, { ...base, ...extra })

  // The digest of the signed element, then the signature over SignedInfo.
  const expectedDigest = ref.digestValue.replace(/\s+/g, '')
  if (!isBase64(expectedDigest) || expectedDigest === '')
    return fail(signed, [{ kind: 'malformed', detail: 'DigestValue is not base64' }], { ...base, ...extra })
  const digest = createHash(digestAlg.hash).update(canonicalize(signed, refC14n), 'utf8').digest()
  // Compared as bytes: base64 may carry non-zero padding bits without changing the value.
  if (!digest.equals(Buffer.from(expectedDigest, 'base64'))) {
    problems.push({ kind: 'digest-mismatch', expected: expectedDigest, actual: digest.toString('base64') })
    return fail(signed, problems, { ...base, ...extra })
  }
  const sigB64 = parts.signatureValue.replace(/\s+/g, '')
  if (!isBase64(sigB64) || sigB64 === '')
    return fail(signed, [{ kind: 'malformed', detail: 'SignatureValue is not base64' }], { ...base, ...extra })
  const signatureBytes = Buffer.from(sigB64, 'base64')
  const signedInfoBytes = Buffer.from(
    canonicalize(parts.signedInfo, {
      ...siC14n,
      inclusivePrefixes: siC14n.exclusive ? parts.signedInfoPrefixes : undefined,
    }),
    'utf8',
  )
  for (const k of keys) {
    if (k.key.asymmetricKeyType !== sigAlg.keyType) continue
    let good = false
    try {
      good =
        sigAlg.keyType === 'ec'
          ? cryptoVerify(sigAlg.hash, signedInfoBytes, { key: k.key, dsaEncoding: 'ieee-p1363' }, signatureBytes)
          : cryptoVerify(sigAlg.hash, signedInfoBytes, k.key, signatureBytes)
    } catch {
      good = false
    }
    if (good) {
      const result: Mutable<SignatureResult> = {
        ok: true,
        signedElement: signed,
        signatureMethod: base.signatureMethod,
        digestMethod: base.digestMethod,
        canonicalizationMethod: base.canonicalizationMethod,
        key: k,
        problems: [],
      }
      if (keyInfoCertificateUntrusted !== undefined) result.keyInfoCertificateUntrusted = keyInfoCertificateUntrusted
      return result
    }
  }
  return fail(signed, [{ kind: 'signature-invalid' }], { ...base, ...extra })
}

/** The ID attribute SAML and XML-DSig use (`ID`, else `Id`, else `id`, unprefixed). */
function elementId(el: XmlElement): string | undefined {
  for (const name of ['ID', 'Id', 'id'])
    for (const a of el.attrs) if (a.prefix === '' && a.local === name) return a.value
  return undefined
}

/** Allowed: enveloped-signature, then at most one c14n (inclusive c14n when none is given, as XML-DSig says). */
function referenceC14n(
  ref: SignatureReference,
  signature: XmlElement,
  problems: SignatureProblem[],
): C14nOptions | undefined {
  let enveloped = false
  let c14n: { exclusive: boolean; withComments: boolean } | undefined
  let bad = false
  ref.transforms.forEach((t, i) => {
    if (t === ENVELOPED_SIGNATURE && !enveloped && i === 0) {
      enveloped = true
      return
    }
    const c = c14nOptionsFor(t)
    if (c && !c14n && i === ref.transforms.length - 1) {
      c14n = c
      return
    }
    bad = true
    problems.push({ kind: 'transform-unsupported', actual: t || '(no Algorithm)' })
  })
  if (!enveloped && !bad) {
    problems.push({
      kind: 'transform-unsupported',
      actual: `no ${ENVELOPED_SIGNATURE} transform (the signature would cover itself)`,
    })
    bad = true
  }
  if (bad) return undefined
  const opts = c14n ?? { exclusive: false, withComments: false }
  // A same-document reference ('#id') dereferences without comments, whatever the c14n says.
  return {
    exclusive: opts.exclusive,
    withComments: false,
    exclude: signature,
    inclusivePrefixes: opts.exclusive ? ref.inclusivePrefixes : undefined,
  }
}

function isBase64(s: string): boolean {
  return s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s)
}

function dsChildren(el: XmlElement, local: string): XmlElement[] {
  const out: XmlElement[] = []
  for (const c of el.children) if (c.type === 'element' && c.ns === DS_NS && c.local === local) out.push(c)
  return out
}

function textOf(el: XmlElement): string {
  let s = ''
  for (const c of el.children) if (c.type === 'text') s += c.value
  return s
}

function algorithmOf(el: XmlElement): string {
  for (const a of el.attrs) if (a.prefix === '' && a.local === 'Algorithm') return a.value
  return ''
}

function prefixListOf(el: XmlElement): string[] | undefined {
  for (const c of el.children) {
    if (
      c.type === 'element' &&
      c.local === 'InclusiveNamespaces' &&
      c.ns === 'http://www.w3.org/2001/10/xml-exc-c14n#'
    ) {
      for (const a of c.attrs)
        if (a.prefix === '' && a.local === 'PrefixList') return a.value.split(/[ \t\n\r]+/).filter((p) => p !== '')
    }
  }
  return undefined
}

function exactlyOne(el: XmlElement, local: string): XmlElement | string {
  const found = dsChildren(el, local)
  if (found.length !== 1) return `${found.length === 0 ? 'no' : found.length} ds:${local} in ${el.name}`
  return found[0]!
}

/** Reads the parts of a ds:Signature, or says which part is missing or doubled. */
export function readSignatureParts(signature: XmlElement): SignatureParts | string {
  const signedInfo = exactlyOne(signature, 'SignedInfo')
  if (typeof signedInfo === 'string') return signedInfo
  const signatureValue = exactlyOne(signature, 'SignatureValue')
  if (typeof signatureValue === 'string') return signatureValue
  const cm = exactlyOne(signedInfo, 'CanonicalizationMethod')
  if (typeof cm === 'string') return cm
  const sm = exactlyOne(signedInfo, 'SignatureMethod')
  if (typeof sm === 'string') return sm
  const references: SignatureReference[] = []
  for (const r of dsChildren(signedInfo, 'Reference')) {
    const dm = exactlyOne(r, 'DigestMethod')
    if (typeof dm === 'string') return dm
    const dv = exactlyOne(r, 'DigestValue')
    if (typeof dv === 'string') return dv
    const transformsEls = dsChildren(r, 'Transforms')
    if (transformsEls.length > 1) return `${transformsEls.length} ds:Transforms in a ds:Reference`
    const transforms: string[] = []
    let inclusivePrefixes: string[] | undefined
    for (const t of transformsEls[0] ? dsChildren(transformsEls[0], 'Transform') : []) {
      transforms.push(algorithmOf(t))
      inclusivePrefixes = prefixListOf(t) ?? inclusivePrefixes
    }
    let uri: string | undefined
    for (const a of r.attrs) if (a.prefix === '' && a.local === 'URI') uri = a.value
    references.push({ uri, transforms, inclusivePrefixes, digestMethod: algorithmOf(dm), digestValue: textOf(dv) })
  }
  const keyInfoCertificates: string[] = []
  for (const ki of dsChildren(signature, 'KeyInfo')) {
    for (const xd of dsChildren(ki, 'X509Data'))
      for (const c of dsChildren(xd, 'X509Certificate')) keyInfoCertificates.push(textOf(c))
  }
  return {
    signedInfo,
    canonicalizationMethod: algorithmOf(cm),
    signedInfoPrefixes: prefixListOf(cm),
    signatureMethod: algorithmOf(sm),
    signatureValue: textOf(signatureValue),
    references,
    keyInfoCertificates,
  }
}

function untrusted(certs: readonly string[], keys: readonly TrustedKey[]): boolean {
  for (const c of certs) {
    // From the one certificate reader's cache when it is a known certificate, else hashed; '' when not base64.
    const fp = certificateFingerprint(c) ?? ''
    if (!keys.some((k) => k.sha256 === fp)) return true
  }
  return false
}
