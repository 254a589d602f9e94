import type { CheckContext } from '../../context'
import type { FindingCode } from '../../findings/catalog/index'
import { finding } from '../../findings/finding'
import type { Finding } from '../../findings/types'
import type { AssertionModel, SamlResponseEnvelope, SubjectConfirmation } from './model'
import { isoTime } from '../../time/iso'
import { parseSamlTime } from './time'

interface Clock {
  now: number
  skew: number
  nowIso: string
  tolerance: string
}

function clock(ctx: CheckContext): Clock {
  const now = ctx.now.getTime()
  return { now, skew: ctx.skewSeconds * 1000, nowIso: isoTime(now), tolerance: `${ctx.skewSeconds} s` }
}

/** Reads a time attribute; an unreadable one is a finding instead of a silent pass. */
function read(value: string | undefined, where: string, ctx: CheckContext, out: Finding[]): number | undefined {
  if (value === undefined) return undefined
  const t = parseSamlTime(value)
  if (Number.isNaN(t)) {
    out.push(
      finding(
        'SAML_TIME_INVALID',
        { expected: 'xs:dateTime in UTC, e.g. 2024-04-25T20:31:55Z', actual: value, where },
        { idp: ctx.idp },
      ),
    )
    return undefined
  }
  return t
}

function notBefore(
  code: FindingCode,
  value: string | undefined,
  where: string,
  c: Clock,
  ctx: CheckContext,
  out: Finding[],
) {
  const t = read(value, where, ctx, out)
  if (t !== undefined && c.now + c.skew < t) {
    out.push(
      finding(
        code,
        {
          expected: `now ≥ ${isoTime(t)} (minus ${c.tolerance})`,
          actual: c.nowIso,
          now: c.nowIso,
          tolerance: c.tolerance,
          notBefore: value,
          where,
        },
        { idp: ctx.idp },
      ),
    )
  }
}

function notOnOrAfter(
  code: FindingCode,
  value: string | undefined,
  where: string,
  c: Clock,
  ctx: CheckContext,
  out: Finding[],
) {
  const t = read(value, where, ctx, out)
  if (t !== undefined && c.now - c.skew >= t) {
    out.push(
      finding(
        code,
        {
          expected: `now < ${isoTime(t)} (plus ${c.tolerance})`,
          actual: c.nowIso,
          now: c.nowIso,
          tolerance: c.tolerance,
          notOnOrAfter: value,
          where,
        },
        { idp: ctx.idp },
      ),
    )
  }
}

/** IssueInstant of the Response may be unsigned: it can only produce findings. */
export function checkResponseTimes(r: SamlResponseEnvelope, ctx: CheckContext): Finding[] {
  const out: Finding[] = []
  notBefore('SAML_ISSUE_INSTANT_IN_FUTURE', r.issueInstant, '/Response/@IssueInstant', clock(ctx), ctx, out)
  return out
}

/** Conditions, the chosen bearer confirmation's window, IssueInstant and SessionNotOnOrAfter, with the allowed skew. */
export function checkAssertionTimes(
  a: AssertionModel,
  sc: SubjectConfirmation | undefined,
  ctx: CheckContext,
): Finding[] {
  const c = clock(ctx)
  const out: Finding[] = []
  notBefore('SAML_ISSUE_INSTANT_IN_FUTURE', a.issueInstant, '/Assertion/@IssueInstant', c, ctx, out)
  if (a.conditions) {
    notBefore('SAML_ASSERTION_NOT_YET_VALID', a.conditions.notBefore, '/Assertion/Conditions/@NotBefore', c, ctx, out)
    if (a.conditions.notOnOrAfter === undefined) {
      out.push(
        finding(
          'SAML_CONDITIONS_NO_EXPIRY',
          { expected: 'Conditions NotOnOrAfter', actual: null, where: '/Assertion/Conditions' },
          { idp: ctx.idp },
        ),
      )
    } else
      notOnOrAfter(
        'SAML_ASSERTION_EXPIRED',
        a.conditions.notOnOrAfter,
        '/Assertion/Conditions/@NotOnOrAfter',
        c,
        ctx,
        out,
      )
  }
  const d = sc?.data
  if (d) {
    const where = '/Assertion/Subject/SubjectConfirmation/SubjectConfirmationData'
    notBefore('SAML_SUBJECT_CONFIRMATION_NOT_YET_VALID', d.notBefore, `${where}/@NotBefore`, c, ctx, out)
    if (d.notOnOrAfter === undefined) {
      out.push(
        finding(
          'SAML_SUBJECT_CONFIRMATION_NO_EXPIRY',
          { expected: 'SubjectConfirmationData NotOnOrAfter', actual: null, where },
          { idp: ctx.idp },
        ),
      )
    } else notOnOrAfter('SAML_SUBJECT_CONFIRMATION_EXPIRED', d.notOnOrAfter, `${where}/@NotOnOrAfter`, c, ctx, out)
  }
  for (const s of a.authnStatements) {
    notOnOrAfter(
      'SAML_SESSION_EXPIRED',
      s.sessionNotOnOrAfter,
      '/Assertion/AuthnStatement/@SessionNotOnOrAfter',
      c,
      ctx,
      out,
    )
  }
  return out
}
