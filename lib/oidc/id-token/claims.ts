import type { CheckContext } from '../../context'
import { finding } from '../../findings/finding'
import type { Finding } from '../../findings/types'
import { isoTime } from '../../time/iso'

export type IdTokenClaims = Readonly<Record<string, unknown>>

export interface ClaimExpectations {
  readonly issuer?: string
  readonly clientId: string
  readonly nonce?: string
}

const REQUIRED = ['iss', 'sub', 'aud', 'exp', 'iat'] as const
const iso = (sec: number) => isoTime(sec * 1000)
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)

/** OpenID Connect Core §3.1.3.7: iss, aud / azp, exp / nbf / iat with the profile's clock skew, nonce, required claims. */
export function checkIdTokenClaims(c: IdTokenClaims, want: ClaimExpectations, ctx: CheckContext): Finding[] {
  const out: Finding[] = []
  for (const name of REQUIRED) {
    if (c[name] === undefined || c[name] === '')
      out.push(
        finding('OIDC_ID_TOKEN_CLAIM_MISSING', { expected: name, actual: '(absent)', where: `claim ${name}` }, ctx),
      )
  }
  if (want.issuer !== undefined && c.iss !== undefined && c.iss !== want.issuer) {
    out.push(
      finding('OIDC_ID_TOKEN_ISSUER_MISMATCH', { expected: want.issuer, actual: c.iss, where: 'claim iss' }, ctx),
    )
  }
  const aud =
    typeof c.aud === 'string'
      ? [c.aud]
      : Array.isArray(c.aud)
        ? c.aud.filter((a): a is string => typeof a === 'string')
        : []
  if (c.aud !== undefined && !aud.includes(want.clientId)) {
    out.push(
      finding('OIDC_ID_TOKEN_AUDIENCE_MISMATCH', { expected: want.clientId, actual: c.aud, where: 'claim aud' }, ctx),
    )
  }
  if ((aud.length > 1 && c.azp === undefined) || (c.azp !== undefined && c.azp !== want.clientId)) {
    out.push(
      finding(
        'OIDC_ID_TOKEN_AZP_MISMATCH',
        { expected: want.clientId, actual: c.azp ?? '(absent)', audiences: aud, where: 'claim azp' },
        ctx,
      ),
    )
  }
  out.push(...checkTimes(c, ctx))
  if (want.nonce !== undefined && c.nonce !== want.nonce) {
    out.push(
      finding(
        'OIDC_ID_TOKEN_NONCE_MISMATCH',
        { expected: want.nonce, actual: c.nonce ?? '(absent)', where: 'claim nonce' },
        ctx,
      ),
    )
  }
  out.push(...checkProfileClaims(c, ctx))
  return out
}

function checkTimes(c: IdTokenClaims, ctx: CheckContext): Finding[] {
  const out: Finding[] = []
  const now = Math.floor(ctx.now.getTime() / 1000)
  const skew = ctx.skewSeconds
  const time = { now: ctx.now.toISOString(), toleranceSeconds: skew }
  const exp = num(c.exp),
    nbf = num(c.nbf),
    iat = num(c.iat)
  if (exp !== undefined && now > exp + skew)
    out.push(
      finding(
        'OIDC_ID_TOKEN_EXPIRED',
        { expected: `now ≤ exp + ${skew}s`, actual: iso(exp), ...time, where: 'claim exp' },
        ctx,
      ),
    )
  if (nbf !== undefined && nbf > now + skew)
    out.push(
      finding(
        'OIDC_ID_TOKEN_NOT_YET_VALID',
        { expected: `nbf ≤ now + ${skew}s`, actual: iso(nbf), ...time, where: 'claim nbf' },
        ctx,
      ),
    )
  if (iat !== undefined && iat > now + skew)
    out.push(
      finding(
        'OIDC_ID_TOKEN_ISSUED_IN_FUTURE',
        { expected: `iat ≤ now + ${skew}s`, actual: iso(iat), ...time, where: 'claim iat' },
        ctx,
      ),
    )
  for (const [name, v] of [
    ['exp', c.exp],
    ['nbf', c.nbf],
    ['iat', c.iat],
  ] as const) {
    if (v !== undefined && num(v) === undefined)
      out.push(
        finding(
          'OIDC_ID_TOKEN_CLAIM_MISSING',
          { expected: `${name} as NumericDate (seconds)`, actual: v, where: `claim ${name}` },
          ctx,
        ),
      )
  }
  return out
}

/** The vendor's required and recommended claims (profile.oidc.requiredClaims), by name or alias, non-empty when asked. */
function checkProfileClaims(c: IdTokenClaims, ctx: CheckContext): Finding[] {
  const out: Finding[] = []
  for (const rc of ctx.profile.oidc?.requiredClaims ?? []) {
    const present = [rc.name, ...rc.aliases].find((n) => c[n] !== undefined)
    const v = present ? c[present] : undefined
    const empty = v === undefined || (rc.nonEmpty && (v === '' || v === null))
    if (!empty) continue
    const code =
      rc.level === 'required' ? 'OIDC_ID_TOKEN_REQUIRED_CLAIM_MISSING' : 'OIDC_ID_TOKEN_RECOMMENDED_CLAIM_MISSING'
    const source = rc.source[ctx.idp]
    out.push(
      finding(
        code,
        {
          expected: rc.name,
          actual: v === undefined ? '(absent)' : '(empty)',
          where: `claim ${rc.name}`,
          ...(source ? { mapFrom: source } : {}),
        },
        ctx,
      ),
    )
  }
  return out
}
