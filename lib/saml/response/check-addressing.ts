import type { CheckContext } from '../../context'
import { finding } from '../../findings/finding'
import type { Finding } from '../../findings/types'
import { expectation, expectedText, meets, type Expectation } from './match'
import type { AssertionModel, SamlResponseEnvelope, SubjectConfirmation } from './model'
import { parseSamlTime } from './time'

const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer'

export function spEntityExpectation(ctx: CheckContext): Expectation | undefined {
  const s = ctx.profile.saml
  return expectation(ctx.spEntityId, s?.entityIdPattern, s?.entityIdTemplate)
}

export function acsExpectation(ctx: CheckContext): Expectation | undefined {
  const s = ctx.profile.saml
  return expectation(ctx.acsUrl, s?.acsUrlPattern, s?.acsUrlTemplate)
}

function placeholder(ctx: CheckContext, field: 'entityId' | 'acsUrl', value: string) {
  return ctx.profile.saml?.placeholders.find((p) => p.field === field && p.value === value)
}

/** Every AudienceRestriction must name the SP (SAML core 2.5.1.4); the Web SSO profile requires at least one. */
export function checkAudience(a: AssertionModel, ctx: CheckContext): Finding[] {
  const fctx = { idp: ctx.idp }
  const e = spEntityExpectation(ctx)
  const restrictions = a.conditions?.audienceRestrictions ?? []
  const all: string[] = []
  // (one push per value: a spread into push's arguments overflows the stack past ~150,000 Audience elements)
  for (const list of restrictions) for (const audience of list) all.push(audience)
  if (restrictions.length === 0 || all.length === 0) {
    return [
      finding(
        'SAML_AUDIENCE_MISSING',
        {
          expected: e ? expectedText(e) : 'an Audience naming the SP',
          actual: a.conditions ? 'no AudienceRestriction' : 'no Conditions',
          where: '/Assertion/Conditions',
        },
        fctx,
      ),
    ]
  }
  const out: Finding[] = []
  for (const aud of all) {
    const p = placeholder(ctx, 'entityId', aud)
    if (p)
      out.push(
        finding(
          'SAML_AUDIENCE_PLACEHOLDER',
          {
            expected: e ? expectedText(e) : 'your connection’s SP entity ID',
            actual: aud,
            note: p.note,
            where: '/Assertion/Conditions/AudienceRestriction/Audience',
          },
          fctx,
        ),
      )
  }
  if (e && !restrictions.every((list) => list.some((aud) => meets(e, aud))) && out.length === 0) {
    out.push(
      finding(
        'SAML_AUDIENCE_MISMATCH',
        {
          expected: expectedText(e),
          actual: all.length === 1 ? all[0] : all,
          where: '/Assertion/Conditions/AudienceRestriction/Audience',
        },
        fctx,
      ),
    )
  }
  return out
}

/** NameID SPNameQualifier, when present, must be the SP entity ID. */
export function checkSpNameQualifier(a: AssertionModel, ctx: CheckContext): Finding[] {
  const q = a.nameId?.spNameQualifier
  const e = spEntityExpectation(ctx)
  if (q === undefined || !e || meets(e, q)) return []
  return [
    finding(
      'SAML_NAMEID_SP_NAME_QUALIFIER_MISMATCH',
      { expected: expectedText(e), actual: q, where: '/Assertion/Subject/NameID/@SPNameQualifier' },
      { idp: ctx.idp },
    ),
  ]
}

export function bearerConfirmations(a: AssertionModel): SubjectConfirmation[] {
  return a.subjectConfirmations.filter((sc) => sc.method === BEARER)
}

/**
 * The bearer SubjectConfirmation the checks look at: the first whose data passes Recipient, InResponseTo and its
 * time window, else the first with data (whose problems are then reported), else the first. (The profile lets an assertion carry several; one valid one is enough.)
 */
export function pickBearer(
  a: AssertionModel,
  ctx: CheckContext,
  requestId: string | undefined,
): SubjectConfirmation | undefined {
  const bearers = bearerConfirmations(a)
  const e = acsExpectation(ctx)
  const now = ctx.now.getTime(),
    skew = ctx.skewSeconds * 1000
  const inWindow = (d: NonNullable<SubjectConfirmation['data']>) => {
    const nb = d.notBefore === undefined ? NaN : parseSamlTime(d.notBefore)
    const na = d.notOnOrAfter === undefined ? NaN : parseSamlTime(d.notOnOrAfter)
    return !(now + skew < nb) && !(now - skew >= na) && d.notOnOrAfter !== undefined
  }
  return (
    bearers.find(
      (sc) =>
        sc.data &&
        (!e || (sc.data.recipient !== undefined && meets(e, sc.data.recipient))) &&
        (!requestId || sc.data.inResponseTo === undefined || sc.data.inResponseTo === requestId) &&
        inWindow(sc.data),
    ) ??
    bearers.find((sc) => sc.data) ??
    bearers[0]
  )
}

export function checkBearer(a: AssertionModel, sc: SubjectConfirmation | undefined, ctx: CheckContext): Finding[] {
  const fctx = { idp: ctx.idp }
  if (!sc) {
    return [
      finding(
        'SAML_SUBJECT_CONFIRMATION_NOT_BEARER',
        {
          expected: BEARER,
          actual: a.subjectConfirmations.length
            ? a.subjectConfirmations.map((s) => s.method ?? '(no Method)')
            : 'no SubjectConfirmation',
          where: '/Assertion/Subject/SubjectConfirmation',
        },
        fctx,
      ),
    ]
  }
  if (!sc.data) {
    return [
      finding(
        'SAML_SUBJECT_CONFIRMATION_DATA_MISSING',
        {
          expected: 'SubjectConfirmationData with Recipient and NotOnOrAfter',
          actual: 'no SubjectConfirmationData',
          where: '/Assertion/Subject/SubjectConfirmation',
        },
        fctx,
      ),
    ]
  }
  const out: Finding[] = []
  const e = acsExpectation(ctx)
  const recipient = sc.data.recipient
  const where = '/Assertion/Subject/SubjectConfirmation/SubjectConfirmationData/@Recipient'
  if (recipient === undefined || recipient === '') {
    out.push(
      finding(
        'SAML_RECIPIENT_MISSING',
        { expected: e ? expectedText(e) : 'the ACS URL', actual: recipient ?? null, where },
        fctx,
      ),
    )
  } else {
    const p = placeholder(ctx, 'acsUrl', recipient)
    if (p)
      out.push(
        finding(
          'SAML_ACS_PLACEHOLDER',
          { expected: e ? expectedText(e) : 'your connection’s ACS URL', actual: recipient, note: p.note, where },
          fctx,
        ),
      )
    else if (e && !meets(e, recipient))
      out.push(finding('SAML_RECIPIENT_MISMATCH', { expected: expectedText(e), actual: recipient, where }, fctx))
  }
  return out
}

/** Destination is optional on an unsigned Response but, when present, must be the ACS URL. */
export function checkDestination(r: SamlResponseEnvelope, ctx: CheckContext): Finding[] {
  const e = acsExpectation(ctx)
  const d = r.destination
  if (d === undefined) return []
  const fctx = { idp: ctx.idp }
  const p = placeholder(ctx, 'acsUrl', d)
  if (p)
    return [
      finding(
        'SAML_ACS_PLACEHOLDER',
        {
          expected: e ? expectedText(e) : 'your connection’s ACS URL',
          actual: d,
          note: p.note,
          where: '/Response/@Destination',
        },
        fctx,
      ),
    ]
  if (e && !meets(e, d))
    return [
      finding(
        'SAML_DESTINATION_MISMATCH',
        { expected: expectedText(e), actual: d, where: '/Response/@Destination' },
        fctx,
      ),
    ]
  return []
}

/** With a request ID to match, the Response and the bearer data must both answer it (or carry none: then unsolicited). */
export function checkInResponseTo(
  r: SamlResponseEnvelope | undefined,
  sc: SubjectConfirmation | undefined,
  requestId: string | undefined,
  ctx: CheckContext,
): Finding[] {
  if (!requestId) {
    // Without an expected ID, the two places must at least agree.
    const a = r?.inResponseTo,
      b = sc?.data?.inResponseTo
    if (a !== undefined && b !== undefined && a !== b) {
      return [
        finding(
          'SAML_IN_RESPONSE_TO_MISMATCH',
          {
            expected: a,
            actual: b,
            where: '/Assertion/Subject/SubjectConfirmation/SubjectConfirmationData/@InResponseTo',
          },
          { idp: ctx.idp },
        ),
      ]
    }
    return []
  }
  const fctx = { idp: ctx.idp }
  const seen = [
    { where: '/Response/@InResponseTo', value: r?.inResponseTo },
    {
      where: '/Assertion/Subject/SubjectConfirmation/SubjectConfirmationData/@InResponseTo',
      value: sc?.data?.inResponseTo,
    },
  ]
  if (seen.every((s) => s.value === undefined)) {
    return [finding('SAML_UNSOLICITED_RESPONSE', { expected: requestId, actual: null, where: seen[0]!.where }, fctx)]
  }
  return seen
    .filter((s) => s.value !== undefined && s.value !== requestId)
    .map((s) => finding('SAML_IN_RESPONSE_TO_MISMATCH', { expected: requestId, actual: s.value, where: s.where }, fctx))
}
