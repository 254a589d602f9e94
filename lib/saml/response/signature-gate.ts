import type { CheckContext } from '../../context'
import type { FindingCode } from '../../findings/catalog/index'
import { finding } from '../../findings/finding'
import type { Finding, Severity } from '../../findings/types'
import { firstChild, NS, ownText } from '../../xml/query'
import type { XmlDocument, XmlElement } from '../../xml/types'
import { algorithmName, trustedKeysFromCertificates, verifyEnvelopedSignature } from '../../xmldsig/index'
import type { SignatureProblem, SignatureResult, TrustedKey } from '../../xmldsig/types'
import type { IdpTrust } from '../types'
import type { SamlResponseEnvelope } from './model'
import { certificateFingerprint } from '../../certs/parse'

const SHA1_URIS = new Set([
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
  'http://www.w3.org/2000/09/xmldsig#sha1',
  'http://www.w3.org/2000/09/xmldsig#dsa-sha1',
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1',
])

/** The keys of the IdP's metadata certificates, each with its certificate as lib/certs' one reader parsed it. */
export interface TrustMaterial {
  readonly keys: readonly TrustedKey[]
}

/** What the signature step established. `assertion` is set only when a valid signature covers it. */
export interface SignatureGate {
  readonly findings: Finding[]
  /** The assertion element a valid signature covers (the SignedAssertion source), if any. */
  readonly signedAssertion?: XmlElement
  readonly signedBy?: 'assertion' | 'response' | 'both'
  readonly responseSignatureValid: boolean
  readonly response?: SignatureResult
  readonly assertion?: SignatureResult
  readonly key?: TrustedKey
  readonly material: TrustMaterial
}

/**
 * Verifies the Response-level and Assertion-level enveloped signatures with the metadata certificates only, and
 * decides which assertion (if any) is covered. A valid Response signature covers its direct child assertion; the
 * assertion's own signature covers itself. Nothing else counts.
 */
export function checkSignatures(
  doc: XmlDocument,
  response: SamlResponseEnvelope | undefined,
  assertionEl: XmlElement | undefined,
  trust: IdpTrust,
  ctx: CheckContext,
): SignatureGate {
  const fctx = { idp: ctx.idp }
  const material: TrustMaterial = { keys: trustedKeysFromCertificates(trust.signingCertificates) }
  const findings: Finding[] = []
  const respSigEl = response?.signature
  const asrSigEl = assertionEl ? firstChild(assertionEl, NS.ds, 'Signature') : undefined

  if (!respSigEl && !asrSigEl) {
    findings.push(
      finding(
        'SAML_SIGNATURE_MISSING',
        {
          expected: 'a signature on the Assertion (or the Response) by the IdP metadata certificate',
          actual: 'no ds:Signature on the Response or the Assertion',
        },
        fctx,
      ),
    )
    return { findings, responseSignatureValid: false, material }
  }
  if (material.keys.length === 0) {
    findings.push(
      finding(
        'SAML_SIGNATURE_NO_TRUSTED_CERT',
        {
          expected: 'at least one signing certificate from the IdP metadata',
          actual: `${trust.signingCertificates.length} certificate(s), none usable`,
        },
        fctx,
      ),
    )
    return { findings, responseSignatureValid: false, material }
  }

  const respRes = respSigEl ? verifyEnvelopedSignature(doc, respSigEl, material.keys) : undefined
  const asrRes = asrSigEl ? verifyEnvelopedSignature(doc, asrSigEl, material.keys) : undefined
  const respOk = !!respRes?.ok && respRes.signedElement === response?.element
  const asrOk = !!asrRes?.ok && asrRes.signedElement === assertionEl
  const coversViaResponse = respOk && !!assertionEl && assertionEl.parent === response?.element

  if (respRes && !respOk) {
    if (asrOk) {
      const first = respRes.problems[0]
      findings.push(
        finding(
          'SAML_RESPONSE_SIGNATURE_INVALID_IGNORED',
          {
            ...problemEvidence(respRes, respSigEl!, material),
            ...(first ? problemDetail(first) : {}),
            problems: respRes.problems.map((p) => p.kind),
            where: '/Response/Signature',
          },
          fctx,
        ),
      )
    } else findings.push(...signatureFindings(respRes, respSigEl!, material, '/Response/Signature', ctx))
  }
  if (asrRes && !asrOk) findings.push(...signatureFindings(asrRes, asrSigEl!, material, '/Assertion/Signature', ctx))

  const covered = asrOk || coversViaResponse
  if (!covered && assertionEl && findings.every((f) => f.severity !== 'error')) {
    findings.push(
      finding(
        'SAML_ASSERTION_NOT_COVERED',
        {
          expected: 'a valid signature on the Assertion or on its enclosing Response',
          actual: respOk
            ? 'the Response signature is valid but the Assertion is not its direct child'
            : 'no valid signature covers the Assertion',
          where: '/Assertion',
        },
        fctx,
      ),
    )
  }
  if (covered && !asrOk && ctx.profile.saml?.requireSignedAssertion) {
    findings.push(
      finding(
        'SAML_ASSERTION_SIGNATURE_REQUIRED',
        {
          expected: 'a valid signature on the Assertion',
          actual: asrSigEl ? 'an Assertion signature that does not verify' : 'only the Response is signed',
          where: '/Assertion',
        },
        fctx,
      ),
    )
  }

  // Algorithms of the signatures that count (SHA-1 policy applies to what we rely on, and to a failed one too).
  const sha1 = new Set<string>()
  for (const r of [respRes, asrRes]) {
    if (!r) continue
    if (SHA1_URIS.has(r.signatureMethod)) sha1.add(r.signatureMethod)
    if (SHA1_URIS.has(r.digestMethod)) sha1.add(r.digestMethod)
  }
  if (sha1.size) {
    const severity: Severity = ctx.profile.saml?.sha1 === 'error' ? 'error' : 'warning'
    findings.push(
      finding(
        'SAML_SIGNATURE_SHA1',
        { expected: 'rsa-sha256 / sha256 (or stronger)', actual: [...sha1].map(algorithmName), uris: [...sha1] },
        fctx,
        { severity },
      ),
    )
  }

  const key = (asrOk ? asrRes?.key : undefined) ?? (respOk ? respRes?.key : undefined)
  return {
    findings,
    ...(covered
      ? {
          signedAssertion: assertionEl!,
          signedBy:
            asrOk && coversViaResponse ? ('both' as const) : asrOk ? ('assertion' as const) : ('response' as const),
        }
      : {}),
    responseSignatureValid: respOk,
    ...(respRes ? { response: respRes } : {}),
    ...(asrRes ? { assertion: asrRes } : {}),
    ...(key ? { key } : {}),
    material,
  }
}

const PROBLEM_CODE: Record<SignatureProblem['kind'], FindingCode> = {
  'reference-uri': 'SAML_SIGNATURE_REFERENCE_INVALID',
  'reference-count': 'SAML_SIGNATURE_REFERENCE_INVALID',
  'missing-id': 'SAML_SIGNATURE_REFERENCE_INVALID',
  'duplicate-id': 'SAML_RESPONSE_DUPLICATE_ID',
  'transform-unsupported': 'SAML_SIGNATURE_ALGORITHM_UNSUPPORTED',
  'c14n-unsupported': 'SAML_SIGNATURE_ALGORITHM_UNSUPPORTED',
  'algorithm-unsupported': 'SAML_SIGNATURE_ALGORITHM_UNSUPPORTED',
  'digest-unsupported': 'SAML_SIGNATURE_ALGORITHM_UNSUPPORTED',
  'digest-mismatch': 'SAML_SIGNATURE_DIGEST_MISMATCH',
  'signature-invalid': 'SAML_SIGNATURE_INVALID',
  'no-trusted-keys': 'SAML_SIGNATURE_NO_TRUSTED_CERT',
  malformed: 'SAML_SIGNATURE_MALFORMED',
}

function signatureFindings(
  r: SignatureResult,
  sigEl: XmlElement,
  m: TrustMaterial,
  where: string,
  ctx: CheckContext,
): Finding[] {
  const fctx = { idp: ctx.idp }
  const base = problemEvidence(r, sigEl, m)
  const problems = r.problems.length ? r.problems : [{ kind: 'signature-invalid' } as const]
  const out: Finding[] = []
  const seen = new Set<FindingCode>()
  for (const p of problems) {
    let code = PROBLEM_CODE[p.kind] ?? 'SAML_SIGNATURE_MALFORMED'
    if (
      code === 'SAML_SIGNATURE_INVALID' &&
      base.keyInfoCertificate &&
      !m.keys.some((k) => k.sha256 === base.keyInfoCertificate)
    )
      code = 'SAML_SIGNATURE_CERT_NOT_TRUSTED'
    if (seen.has(code)) continue
    seen.add(code)
    out.push(finding(code, { ...base, ...problemDetail(p), where }, fctx))
  }
  return out
}

function problemDetail(p: SignatureProblem): Record<string, unknown> {
  switch (p.kind) {
    case 'reference-uri':
    case 'digest-mismatch':
      return { expected: p.expected, actual: p.actual, problem: p.kind }
    case 'reference-count':
      return { expected: 1, actual: p.actual, problem: p.kind }
    case 'duplicate-id':
      return { expected: `one element with ID ${p.id}`, actual: `${p.count} elements`, problem: p.kind }
    case 'missing-id':
      return { expected: `an ID on ${p.element}`, actual: null, problem: p.kind }
    case 'transform-unsupported':
    case 'c14n-unsupported':
    case 'algorithm-unsupported':
    case 'digest-unsupported':
      return { actual: p.actual, problem: p.kind }
    case 'malformed':
      return { actual: p.detail, problem: p.kind }
    default:
      return { problem: p.kind }
  }
}

/** Expected certificate fingerprints vs the KeyInfo certificate's, and the algorithms: the evidence every signature finding carries. */
function problemEvidence(r: SignatureResult, sigEl: XmlElement, m: TrustMaterial) {
  const keyInfoCertificate = keyInfoFingerprint(sigEl)
  return {
    expected: m.keys.map((k) => k.sha256),
    actual: keyInfoCertificate ?? 'no certificate in KeyInfo',
    expectedCertificates: m.keys.map((k) => k.sha256),
    ...(keyInfoCertificate ? { keyInfoCertificate } : {}),
    signatureMethod: r.signatureMethod,
    digestMethod: r.digestMethod,
    ...(r.signatureMethod
      ? { algorithm: `${algorithmName(r.signatureMethod)} / ${algorithmName(r.digestMethod)}` }
      : {}),
  }
}

function keyInfoFingerprint(sigEl: XmlElement): string | undefined {
  const ki = firstChild(sigEl, NS.ds, 'KeyInfo')
  const xd = ki ? firstChild(ki, NS.ds, 'X509Data') : undefined
  const c = xd ? firstChild(xd, NS.ds, 'X509Certificate') : undefined
  if (!c) return undefined
  return certificateFingerprint(ownText(c))
}
