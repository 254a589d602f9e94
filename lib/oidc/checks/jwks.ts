import { finding } from '../../findings/finding'
import type { CertificateSummary } from '../../findings/report'
import type { Finding } from '../../findings/types'
import type { CheckContext } from '../../context'
import { checkJwkCertificate, unsignedBytes } from './jwk-cert'

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const
const B64URL = /^[A-Za-z0-9_-]+$/
const EC_CURVES = new Set(['P-256', 'P-384', 'P-521', 'secp256k1'])
const OKP_CURVES = new Set(['Ed25519', 'Ed448', 'X25519', 'X448'])
// Which "alg" values fit which key type (RFC 7518 §3–4, RFC 8037); a mismatch means the key cannot be used as labelled.
const ALG_BY_KTY: Readonly<Record<string, RegExp>> = {
  RSA: /^(RS|PS)(256|384|512)$|^RSA-OAEP(-256|-384|-512)?$|^RSA1_5$/,
  EC: /^ES(256|384|512|256K)$|^ECDH-ES(\+A(128|192|256)KW)?$/,
  OKP: /^(EdDSA|Ed25519|Ed448)$|^ECDH-ES(\+A(128|192|256)KW)?$/,
}

export interface JwksCheck {
  readonly findings: Finding[]
  readonly certificates: CertificateSummary[]
  readonly keyCount: number
}

/**
 * Every key usable for verifying ID tokens: public only, asymmetric, RSA ≥ profile.minRsaBits, base64url members,
 * unique kid, at least one signing key; x5c certificates valid and holding the same key.
 * @see RFC 7517 §4–5, RFC 7518 §6
 */
export function checkJwks(jwks: Readonly<Record<string, unknown>>, ctx: CheckContext): JwksCheck {
  const keys = jwks.keys
  if (!Array.isArray(keys))
    return {
      findings: [
        finding(
          'OIDC_JWKS_INVALID',
          { expected: 'a "keys" array', actual: keys === undefined ? 'missing' : typeof keys, where: 'jwks.keys' },
          ctx,
        ),
      ],
      certificates: [],
      keyCount: 0,
    }
  if (keys.length === 0)
    return {
      findings: [
        finding('OIDC_JWKS_EMPTY', { expected: 'at least one signing key', actual: 0, where: 'jwks.keys' }, ctx),
      ],
      certificates: [],
      keyCount: 0,
    }

  const findings: Finding[] = []
  const certificates: CertificateSummary[] = []
  const signingKids = new Map<string, number[]>()
  let signing = 0
  keys.forEach((key: unknown, i) => {
    if (typeof key !== 'object' || key === null || Array.isArray(key)) {
      findings.push(
        finding(
          'OIDC_JWKS_INVALID',
          { expected: 'a JWK object', actual: key === null ? 'null' : typeof key, where: `jwks.keys[${i}]` },
          ctx,
        ),
      )
      return
    }
    const k = key as Record<string, unknown>
    const kid = typeof k.kid === 'string' ? k.kid : undefined
    const where = `jwks.keys[${i}]${kid ? ` (kid ${kid})` : ''}`
    const forSigning = k.use !== 'enc' && k.kty !== 'oct'
    if (forSigning) {
      signing++
      if (kid !== undefined) signingKids.set(kid, [...(signingKids.get(kid) ?? []), i])
    }
    findings.push(...checkKey(k, where, ctx))
    if (keys.length > 1 && kid === undefined)
      findings.push(finding('OIDC_JWKS_KID_MISSING', { expected: 'a unique "kid"', actual: 'missing', where }, ctx))
    const x5c = checkJwkCertificate(k, where, forSigning, ctx)
    findings.push(...x5c.findings)
    certificates.push(...x5c.certificates)
  })
  if (signing === 0 && findings.every((f) => f.code !== 'OIDC_JWKS_INVALID'))
    findings.push(
      finding(
        'OIDC_JWKS_NO_SIGNING_KEY',
        {
          expected: 'at least one key with "use": "sig" (or no "use")',
          actual: keys.map((k: unknown) => (k as { use?: unknown })?.use ?? null),
          where: 'jwks.keys',
        },
        ctx,
      ),
    )
  for (const [kid, at] of signingKids)
    if (at.length > 1)
      findings.push(
        finding(
          'OIDC_JWKS_KID_DUPLICATE',
          { expected: 'each kid once', actual: kid, where: at.map((i) => `jwks.keys[${i}]`).join(', ') },
          ctx,
        ),
      )
  return { findings, certificates, keyCount: keys.length }
}

function checkKey(k: Record<string, unknown>, where: string, ctx: CheckContext): Finding[] {
  const out: Finding[] = []
  // Only the member names go into the evidence, never their values: they are secrets.
  const secret = PRIVATE_MEMBERS.filter((m) => k[m] !== undefined)
  if (secret.length)
    out.push(finding('OIDC_JWKS_PRIVATE_KEY', { expected: 'public members only', actual: secret, where }, ctx))
  const malformed = (member: string, reason: string) =>
    out.push(
      finding(
        'OIDC_JWKS_KEY_MALFORMED',
        { expected: `"${member}" as base64url without padding`, actual: reason, where: `${where}.${member}` },
        ctx,
      ),
    )
  const b64url = (member: string) => {
    const v = k[member]
    if (typeof v !== 'string' || v === '') {
      malformed(member, 'missing')
      return false
    }
    if (!B64URL.test(v))
      malformed(member, /[+/=]/.test(v) ? 'standard base64 (contains "+", "/" or "=")' : 'not base64url')
    return true
  }
  if (k.use !== undefined && k.use !== 'sig' && k.use !== 'enc')
    out.push(
      finding(
        'OIDC_JWKS_KEY_MALFORMED',
        { expected: ['sig', 'enc'], actual: String(k.use), where: `${where}.use` },
        ctx,
      ),
    )
  const algRule = typeof k.kty === 'string' ? ALG_BY_KTY[k.kty] : undefined
  if (algRule && k.alg !== undefined && (typeof k.alg !== 'string' || !algRule.test(k.alg)))
    out.push(
      finding(
        'OIDC_JWKS_KEY_MALFORMED',
        { expected: `an algorithm for a ${String(k.kty)} key`, actual: String(k.alg), where: `${where}.alg` },
        ctx,
      ),
    )
  switch (k.kty) {
    case 'RSA': {
      const nOk = b64url('n')
      b64url('e')
      const bits = nOk ? rsaBits(String(k.n)) : undefined
      if (bits !== undefined && bits < ctx.profile.minRsaBits)
        out.push(
          finding(
            'OIDC_JWKS_RSA_TOO_SMALL',
            { expected: `at least ${ctx.profile.minRsaBits} bits`, actual: `${bits} bits`, where },
            ctx,
          ),
        )
      break
    }
    case 'EC':
      if (typeof k.crv !== 'string' || !EC_CURVES.has(k.crv))
        out.push(
          finding(
            'OIDC_JWKS_KEY_MALFORMED',
            { expected: [...EC_CURVES], actual: k.crv ?? 'missing', where: `${where}.crv` },
            ctx,
          ),
        )
      b64url('x')
      b64url('y')
      break
    case 'OKP':
      if (typeof k.crv !== 'string' || !OKP_CURVES.has(k.crv))
        out.push(
          finding(
            'OIDC_JWKS_KEY_MALFORMED',
            { expected: [...OKP_CURVES], actual: k.crv ?? 'missing', where: `${where}.crv` },
            ctx,
          ),
        )
      b64url('x')
      break
    case 'oct':
      out.push(finding('OIDC_JWKS_SYMMETRIC_KEY', { expected: 'RSA or EC public keys', actual: 'oct', where }, ctx))
      break
    default:
      out.push(
        finding(
          'OIDC_JWKS_UNKNOWN_KTY',
          { expected: ['RSA', 'EC', 'OKP'], actual: k.kty === undefined ? 'missing' : String(k.kty), where },
          ctx,
        ),
      )
  }
  return out
}

/** Modulus length in bits; tolerant of standard base64 (so a malformed key still gets its size checked). */
export function rsaBits(n: string): number | undefined {
  const bytes = unsignedBytes(n)
  if (bytes.length === 0) return undefined
  return (bytes.length - 1) * 8 + (32 - Math.clz32(bytes[0] ?? 0))
}
