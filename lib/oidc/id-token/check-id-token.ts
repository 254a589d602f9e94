import { compactVerify, decodeProtectedHeader, importJWK } from 'jose'
import { checkContext } from '../../context'
import { finding } from '../../findings/finding'
import { buildReport, type Report } from '../../findings/report'
import type { Finding, IdpKind } from '../../findings/types'
import type { SpProfile } from '../../profiles/schema'
import { maskPersonal } from '../../triage/mask'
import { checkIdTokenClaims, type IdTokenClaims } from './claims'
import { checkHeader, type JwsHeader } from './header'
import { candidateKeys, parseJwks } from './jwks'

export interface CheckIdTokenOptions {
  /** The issuer's JWKS as JSON text: the only source of keys. */
  readonly jwks: string
  /** The expected issuer; else read from `discovery`. */
  readonly issuer?: string
  /** The issuer's discovery document as JSON text. */
  readonly discovery?: string
  readonly clientId: string
  readonly nonce?: string
  readonly profile: SpProfile
  readonly now?: Date
}

const MAX_TOKEN = 64 * 1024

/**
 * Checks a pasted ID token as the client would: signature with a key from the given JWKS only (alg none, HS*,
 * embedded jwk, jku / x5u and crit refused; nothing fetched), then iss, aud / azp, times, nonce and profile claims.
 * Async because jose verifies with WebCrypto.
 * @example await checkIdToken(jwt, { jwks, issuer: 'https://login.microsoftonline.com/<tenant>/v2.0', clientId, profile })
 */
export async function checkIdToken(jwt: string, o: CheckIdTokenOptions): Promise<Report> {
  const token = (typeof jwt === 'string' ? jwt : '').trim().replace(/^(?:id_token=|Bearer\s+)/i, '')
  const issuerFromDiscovery = o.discovery !== undefined ? readIssuer(o.discovery) : undefined
  const expectedIssuer = o.issuer ?? (typeof issuerFromDiscovery === 'string' ? issuerFromDiscovery : undefined)
  const idp = guessIdp(expectedIssuer ?? '')
  const ctx = checkContext({ profile: o.profile, now: o.now, idp })
  const report = (findings: Finding[], extra: { skipped?: Report['skipped']; facts?: Record<string, unknown> } = {}) =>
    buildReport({
      subject: {
        kind: 'oidc-id-token',
        idp,
        source: 'pasted ID token',
        ...(expectedIssuer ? { issuer: expectedIssuer } : {}),
      },
      profile: o.profile.id,
      now: ctx.now,
      findings,
      ...extra,
    })

  const pre: Finding[] = []
  if (issuerFromDiscovery === null)
    pre.push(
      finding(
        'OIDC_ID_TOKEN_DISCOVERY_INVALID',
        { expected: 'a JSON document with "issuer"', where: 'discovery' },
        ctx,
      ),
    )
  const parts = token.length <= MAX_TOKEN ? token.split('.') : []
  let header: JwsHeader
  let claims: IdTokenClaims
  try {
    if (parts.length !== 3) throw new Error('not three parts')
    header = decodeProtectedHeader(token) as JwsHeader
    claims = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(parts[1]!, 'base64url')),
    ) as IdTokenClaims
    if (!claims || typeof claims !== 'object' || Array.isArray(claims)) throw new Error('payload is not an object')
  } catch {
    return report([
      ...pre,
      finding(
        'OIDC_ID_TOKEN_MALFORMED',
        {
          expected: 'header.payload.signature (base64url JSON)',
          actual: describeShape(token, parts.length),
          where: 'pasted token',
        },
        ctx,
      ),
    ])
  }
  const facts = { header: { alg: header.alg, kid: header.kid, typ: header.typ }, claims: summarizeClaims(claims) }
  const skippedClaims = (reason: string) => [
    { check: 'ID token claims (iss, aud, exp, nonce, required claims)', reason },
  ]

  const refused = checkHeader(header, ctx)
  if (refused.length)
    return report([...pre, ...refused], {
      skipped: skippedClaims(
        'the header was refused, so the signature was not checked and the claims cannot be trusted',
      ),
      facts,
    })

  const jwks = parseJwks(o.jwks)
  if (!jwks.ok)
    return report(
      [
        ...pre,
        finding(
          'OIDC_ID_TOKEN_JWKS_INVALID',
          { expected: 'a JWKS with public signing keys', actual: jwks.reason, where: 'JWKS' },
          ctx,
        ),
      ],
      { skipped: skippedClaims('no usable key to verify the signature'), facts },
    )

  const alg = header.alg as string
  const kid = typeof header.kid === 'string' ? header.kid : undefined
  const candidates = candidateKeys(jwks.keys, alg, kid)
  if (!candidates.length) {
    return report(
      [
        ...pre,
        finding(
          'OIDC_ID_TOKEN_KEY_NOT_FOUND',
          {
            expected: { kid: kid ?? '(none)', alg },
            actual: jwks.keys.map((k) => k.kid ?? `(${k.kty}, no kid)`),
            where: 'JWKS keys',
          },
          ctx,
        ),
      ],
      { skipped: skippedClaims('no key in the JWKS matches the token'), facts },
    )
  }
  if (!(await verifiesWithAny(token, alg, candidates))) {
    return report(
      [
        ...pre,
        finding(
          'OIDC_ID_TOKEN_SIGNATURE_INVALID',
          {
            expected: `a valid ${alg} signature by ${kid ? `kid ${kid}` : 'a JWKS key'}`,
            actual: 'signature does not verify',
            where: 'JWT signature',
          },
          ctx,
        ),
      ],
      { skipped: skippedClaims('the signature is invalid'), facts },
    )
  }
  const findings = [
    ...pre,
    ...checkIdTokenClaims(claims, { issuer: expectedIssuer, clientId: o.clientId, nonce: o.nonce }, ctx),
  ]
  if (!findings.some((f) => f.severity === 'error'))
    findings.push(
      finding(
        'OIDC_ID_TOKEN_VALID',
        {
          expected: { iss: expectedIssuer ?? '(not given)', aud: o.clientId },
          actual: { iss: claims.iss, aud: claims.aud },
          kid: kid ?? null,
        },
        ctx,
      ),
    )
  const skipped = [
    ...(expectedIssuer === undefined
      ? [{ check: 'issuer', reason: 'no expected issuer or discovery document was given' }]
      : []),
    ...(o.profile.oidc
      ? []
      : [{ check: 'required claims', reason: `the ${o.profile.id} profile has no OpenID Connect rules` }]),
  ]
  return report(findings, { facts, ...(skipped.length ? { skipped } : {}) })
}

async function verifiesWithAny(token: string, alg: string, keys: readonly Record<string, unknown>[]): Promise<boolean> {
  for (const jwk of keys) {
    try {
      // Only public members: jose must never see a private or symmetric key from a pasted JWKS.
      const { kty, n, e, crv, x, y } = jwk as Record<string, string | undefined>
      const key = await importJWK({ kty, n, e, crv, x, y, alg } as Parameters<typeof importJWK>[0], alg)
      await compactVerify(token, key, { algorithms: [alg] })
      return true
    } catch {
      // try the next candidate; a key that fails to import or verify is not this token's key
    }
  }
  return false
}

/** null: a discovery document was given but has no readable issuer. */
function readIssuer(text: string): string | null {
  try {
    const d = JSON.parse(text.replace(/^\uFEFF/, '')) as { issuer?: unknown }
    return typeof d?.issuer === 'string' ? d.issuer : null
  } catch {
    return null
  }
}

function guessIdp(issuer: string): IdpKind {
  if (/login\.microsoftonline\.(com|us)|sts\.windows\.net/i.test(issuer)) return 'entra'
  if (/\.okta(preview)?\.com/i.test(issuer)) return 'okta'
  if (/accounts\.google\.com/i.test(issuer)) return 'google'
  if (/\/realms\//.test(issuer)) return 'keycloak'
  if (/\/adfs\b/i.test(issuer)) return 'adfs'
  return 'other'
}

function describeShape(token: string, parts: number): string {
  if (!token) return '(empty)'
  if (token.length > MAX_TOKEN) return `${token.length} characters (over the ${MAX_TOKEN} limit)`
  if (parts === 5) return 'five parts: an encrypted JWE, not a signed ID token'
  return `${parts} part${parts === 1 ? '' : 's'}`
}

/** Claim names and non-personal values for the report; personal values masked. */
function summarizeClaims(c: IdTokenClaims): Record<string, unknown> {
  const t = (v: unknown) => (typeof v === 'number' ? new Date(v * 1000).toISOString() : undefined)
  return {
    names: Object.keys(c).slice(0, 100),
    iss: c.iss,
    aud: c.aud,
    azp: c.azp,
    sub: typeof c.sub === 'string' ? maskPersonal(c.sub) : undefined,
    email: typeof c.email === 'string' ? maskPersonal(c.email) : undefined,
    exp: t(c.exp),
    iat: t(c.iat),
    nbf: t(c.nbf),
  }
}
