import { checkContext } from '../../context'
import { finding } from '../../findings/finding'
import { buildReport } from '../../findings/report'
import type { Finding } from '../../findings/types'
import { safeFetch, type SafeFetchOptions } from '../../net/index'
import type { Connection, Store } from '../../store/index'
import { profileFor } from '../profile'
import { step } from '../timeline'
import { ourAcsUrl } from '../urls'
import { buildAuthnRequest, newRequestId, postBindingFields, redirectBindingUrl } from './authn-request'
import { samlIdpEndpoint } from './idp-endpoint'
import { countTestLogin } from '../../ops/metrics'

/** How the browser is sent to the IdP: a 303 to the Redirect-binding URL, or a self-posting form. */
export type SamlDispatch =
  | { readonly binding: 'redirect'; readonly url: string }
  | { readonly binding: 'post'; readonly url: string; readonly fields: Record<string, string> }

export type StartResult =
  | { readonly ok: true; readonly runId: string; readonly dispatch: SamlDispatch }
  | { readonly ok: false; readonly runId: string; readonly findings: Finding[] }

/** A SAML run may take this long from the AuthnRequest to the answer. */
export const SAML_RUN_TTL_MS = 10 * 60_000

/** What the ACS needs later about a run (the store's `pending`; no secret in it). */
export interface SamlPending {
  readonly requestId: string
  readonly spEntityId: string
  readonly acsUrl: string
  readonly vendorAcsUrl?: string
  readonly ssoUrl: string
  readonly binding: 'redirect' | 'post'
  readonly browserHash?: string
  readonly deadline: string
  /** Metadata fetched from the connection's metadata URL at start: the ACS trusts exactly what the request used. */
  readonly idpMetadataXml?: string
}

/** The connection's metadata: the saved XML, else fetched (through lib/net) from its metadata URL. */
async function metadataFor(
  connection: Connection,
  fetchOptions: SafeFetchOptions,
): Promise<{ xml?: string; fetched: boolean; findings: Finding[] }> {
  if (connection.config.idpMetadataXml) return { xml: connection.config.idpMetadataXml, fetched: false, findings: [] }
  if (!connection.config.metadataUrl) return { fetched: false, findings: [] }
  const r = await safeFetch(connection.config.metadataUrl, fetchOptions)
  return r.ok ? { xml: r.body, fetched: true, findings: [] } : { fetched: false, findings: r.findings }
}

/**
 * Starts an SP-initiated SAML test login for a connection: an AuthnRequest whose Issuer is the vendor's SP entity ID
 * and whose ACS is ours, stored as a run keyed by the request ID; RelayState is the run ID.
 * A connection that cannot start a login still gets a run: a failed one whose findings say why.
 */
export async function startSamlTestLogin(
  connection: Connection,
  o: { store: Store; origin: string; browserHash?: string; now?: Date; fetchOptions?: SafeFetchOptions },
): Promise<StartResult> {
  const now = o.now ?? new Date()
  const profile = profileFor(connection.profileId)
  const acsUrl = ourAcsUrl(o.origin)
  const spEntityId = connection.config.spEntityId?.trim()
  const metadata = await metadataFor(connection, o.fetchOptions ?? {})
  const endpoint = samlIdpEndpoint(metadata.xml, { idp: 'other' })
  const problems: Finding[] = [...metadata.findings]
  if (!endpoint.ok) problems.push(...endpoint.findings)
  if (!spEntityId)
    problems.push(
      finding('SAML_TEST_LOGIN_SP_ENTITY_ID_MISSING', {
        expected: profile.saml?.entityIdTemplate ?? 'the vendor’s SP entity ID',
        actual: null,
        ...(profile.vendor ? { where: profile.vendor.spValues.shownAt.join(' › ') } : {}),
      }),
    )

  const requestId = newRequestId()
  if (problems.length || !endpoint.ok || !spEntityId) {
    const run = await o.store.runs.create({ connectionId: connection.id, protocol: 'saml', stateKey: requestId })
    const ctx = checkContext({ profile, now, ...(endpoint.ok ? { idp: endpoint.value.trust.kind } : {}) })
    const timeline = [step('error', 'The test login could not start: see the findings', { at: now })]
    const report = buildReport({
      subject: { kind: 'saml-test-login', idp: ctx.idp, source: 'test login' },
      profile: profile.id,
      now,
      findings: problems,
      timeline,
    })
    await o.store.runs.complete(run.id, { status: 'failed', report, timeline })
    return { ok: false, runId: run.id, findings: problems }
  }
  const { ssoUrl, binding, trust } = endpoint.value
  const xml = buildAuthnRequest({
    id: requestId,
    issueInstant: now,
    destination: ssoUrl,
    issuer: spEntityId,
    acsUrl,
    forceAuthn: true,
  })
  const pending: SamlPending = {
    requestId,
    spEntityId,
    acsUrl,
    ssoUrl,
    binding,
    ...(connection.config.acsUrl ? { vendorAcsUrl: connection.config.acsUrl } : {}),
    ...(o.browserHash ? { browserHash: o.browserHash } : {}),
    deadline: new Date(now.getTime() + SAML_RUN_TTL_MS).toISOString(),
    ...(metadata.fetched && metadata.xml ? { idpMetadataXml: metadata.xml } : {}),
  }
  const sent = step(
    'request-sent',
    `AuthnRequest ${requestId} sent to ${trust.kind === 'other' ? 'the IdP' : trust.kind} (${binding === 'redirect' ? 'HTTP-Redirect' : 'HTTP-POST'}): Issuer ${spEntityId}, ACS ${acsUrl}`,
    {
      at: now,
      data: { authnRequest: xml, destination: ssoUrl, binding },
    },
  )
  const run = await o.store.runs.create({
    connectionId: connection.id,
    protocol: 'saml',
    stateKey: requestId,
    pending: { ...pending },
    timeline: [sent],
    ttlSeconds: 15 * 60,
  })
  const dispatch: SamlDispatch =
    binding === 'redirect'
      ? { binding, url: redirectBindingUrl(ssoUrl, xml, run.id) }
      : { binding, url: ssoUrl, fields: postBindingFields(xml, run.id) }
  countTestLogin('saml', 'started')
  return { ok: true, runId: run.id, dispatch }
}
