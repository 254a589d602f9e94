import { checkContext } from '../../context'
import { buildReport, type Report, type TimelineStep } from '../../findings/report'
import type { SafeFetchOptions } from '../../net/types'
import type { SpProfile } from '../../profiles/index'
import { validateSamlResponse } from '../../saml/response/index'
import { buildAuthnRequest, newRequestId, postBindingFields, redirectBindingUrl } from '../saml/authn-request'
import { samlIdpEndpoint } from '../saml/idp-endpoint'
import { idpErrorCodeFindings } from '../idp-error-codes'
import { driveLogin, type DriverChoice } from './drive'
import type { PageRequest } from './page-driver'

export interface HeadlessSamlLoginInput extends DriverChoice {
  readonly idpMetadataXml: string
  /** The SP entity ID the IdP's app is configured for (the AuthnRequest's Issuer). */
  readonly spEntityId: string
  /** The ACS URL the answer is addressed to. Nothing needs to listen there: the answer is captured before it is posted. */
  readonly acsUrl: string
  /** From the environment, never from flags. */
  readonly username?: string
  readonly password?: string
  /** Extra query parameters on the first request to the IdP (the mock IdP's `scenario`). */
  readonly ssoQuery?: Readonly<Record<string, string>>
  readonly profile: SpProfile
  readonly now?: Date
  readonly fetch?: SafeFetchOptions
}

/**
 * A SAML test login without a browser: sends the AuthnRequest, signs in at the IdP with the given credentials,
 * captures the self-posting SAMLResponse form addressed to the ACS, then validates the answer exactly as a captured
 * response is validated. A page that wants more than a username and password ends in a finding.
 */
export async function headlessSamlLogin(input: HeadlessSamlLoginInput): Promise<Report> {
  const now = input.now ?? new Date()
  const endpoint = samlIdpEndpoint(input.idpMetadataXml, { idp: 'other' })
  const subject = { kind: 'saml-test-login' as const, source: 'headless test login' }
  if (!endpoint.ok)
    return buildReport({
      subject: { ...subject, idp: 'other' },
      profile: input.profile.id,
      now,
      findings: endpoint.findings,
    })
  const { ssoUrl, binding, trust } = endpoint.value
  const requestId = newRequestId()
  const authnRequest = buildAuthnRequest({
    id: requestId,
    issueInstant: now,
    destination: ssoUrl,
    issuer: input.spEntityId,
    acsUrl: input.acsUrl,
    forceAuthn: true,
  })
  const first = new URL(binding === 'redirect' ? redirectBindingUrl(ssoUrl, authnRequest) : ssoUrl)
  for (const [k, v] of Object.entries(input.ssoQuery ?? {})) first.searchParams.set(k, v)
  const request: PageRequest =
    binding === 'redirect'
      ? { url: first.href, method: 'GET' }
      : { url: first.href, method: 'POST', form: postBindingFields(authnRequest) }
  const timeline: TimelineStep[] = [
    {
      at: now.toISOString(),
      kind: 'request-sent',
      summary: `AuthnRequest ${requestId} to ${ssoUrl} (${binding === 'redirect' ? 'HTTP-Redirect' : 'HTTP-POST'})`,
    },
  ]

  const outcome = await driveLogin(request, {
    ...input,
    ctx: { idp: trust.kind },
    answerField: 'SAMLResponse',
    timeline,
  })
  if (outcome.kind !== 'answer-form') {
    const findings = outcome.kind === 'stopped' ? outcome.findings : []
    return buildReport({
      subject: { ...subject, idp: trust.kind, entityId: trust.entityId },
      profile: input.profile.id,
      now,
      findings,
      timeline,
    })
  }
  timeline.push({
    at: new Date().toISOString(),
    kind: 'response-received',
    summary: `SAMLResponse addressed to ${outcome.action}`,
  })
  const response = outcome.form.inputs.find((i) => i.name === 'SAMLResponse')!.value
  const validated = validateSamlResponse({ response }, trust, {
    ctx: checkContext({
      profile: input.profile,
      now,
      idp: trust.kind,
      spEntityId: input.spEntityId,
      acsUrl: input.acsUrl,
    }),
    requestId,
    source: 'headless test login',
  })
  // As in the browser test login (lib/testlogin/saml/complete.ts): an IdP error code in the StatusMessage (AADSTS…)
  // gets the catalog's knowledge of that code.
  const statusMessage = validated.findings
    .map((f) => f.evidence.statusMessage)
    .find((m): m is string => typeof m === 'string')
  return buildReport({
    subject: { ...validated.subject, ...subject },
    profile: validated.profile,
    now,
    findings: [
      ...validated.findings,
      ...idpErrorCodeFindings(statusMessage, { idp: trust.kind, where: '/Response/Status/StatusMessage' }),
    ],
    skipped: validated.skipped,
    certificates: validated.certificates,
    timeline: [...timeline, ...(validated.timeline ?? [])],
    facts: validated.facts,
  })
}
