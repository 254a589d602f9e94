import { z } from 'zod'
import { checkContext, type CheckContext } from '../../context'
import { finding } from '../../findings/finding'
import { buildReport, type Report, type TimelineStep } from '../../findings/report'
import { withSamlComparison } from '../../findings/comparison'
import type { Finding } from '../../findings/types'
import {
  checkSignatures,
  decodeSamlMessage,
  readAssertion,
  readSamlResponse,
  validateParsed,
  type SamlResponseDocument,
} from '../../saml/response/index'
import type { Store, TestLoginRun } from '../../store/index'
import { parseSafeXml } from '../../xml/parse'
import type { XmlDocument } from '../../xml/types'
import { prettyXml, type PrettyXml } from '../../xml/pretty'
import { idpErrorCodeFindings } from '../idp-error-codes'
import { countFindings, countTestLogin } from '../../ops/metrics'
import { NO_BROWSER } from '../../store/index'
import { profileFor } from '../profile'
import { step } from '../timeline'
import { runPath } from '../urls'
import { samlIdpEndpoint } from './idp-endpoint'
import { checkSteps, SAML_CHECKS } from '../check-steps'
import { immutableIdSourceFindings } from '../../setup/checks'

export interface AcsInput {
  /** The SAMLResponse form value as posted (base64). */
  readonly samlResponse: string
  readonly relayState: string
}

/** Where the browser goes next: the run's claim step, or a stand-alone report when the answer matched no run. */
export type AcsOutcome =
  { readonly kind: 'run'; readonly runId: string } | { readonly kind: 'report'; readonly reportId: string }

const SamlPendingSchema = z.object({
  requestId: z.string(),
  spEntityId: z.string(),
  acsUrl: z.string(),
  vendorAcsUrl: z.string().optional(),
  ssoUrl: z.string(),
  binding: z.enum(['redirect', 'post']),
  browserHash: z.string().optional(),
  deadline: z.string(),
  idpMetadataXml: z.string().optional(),
})

/** What only the browser that started the run may see (store.loginSecrets: encrypted, bound to it, 10 minutes). */
export interface PrivateSamlView {
  readonly browserHash?: string
  readonly xml?: string
  readonly nameId?: string
  /** The answer's identity as signed: NameID format and every attribute with its values (unmasked). */
  readonly nameIdFormat?: string
  readonly attributes?: readonly { readonly name: string; readonly values: readonly string[] }[]
  /** The Response and our AuthnRequest, indented from the parser's tree, with the elements findings point at marked. */
  readonly responsePretty?: PrettyXml
  readonly authnRequestPretty?: PrettyXml
}

export const PRIVATE_VIEW_TTL_MS = 10 * 60_000

export const samlViewKey = (runId: string) => `saml-view:${runId}`

interface Received {
  readonly findings: Finding[]
  readonly xml?: string
  readonly encoding?: string
  readonly doc?: XmlDocument
  readonly model?: SamlResponseDocument
}

function receive(samlResponse: string): Received {
  if (!samlResponse.trim())
    return {
      findings: [finding('SAML_TEST_LOGIN_NO_RESPONSE', { expected: 'a SAMLResponse form field', actual: 'none' })],
    }
  const decoded = decodeSamlMessage(samlResponse)
  if (!decoded.ok) return { findings: decoded.findings }
  const parsed = parseSafeXml(decoded.value.xml)
  if (!parsed.ok) return { findings: parsed.findings, xml: decoded.value.xml, encoding: decoded.value.encoding }
  return {
    findings: [],
    xml: decoded.value.xml,
    encoding: decoded.value.encoding,
    doc: parsed.value,
    model: readSamlResponse(parsed.value),
  }
}

/** Finds the run from InResponseTo, else RelayState, and consumes it once. A consumed run means a replay. */
async function claimRun(
  store: Store,
  inResponseTo: string | undefined,
  relayState: string,
): Promise<{ run?: TestLoginRun; replayOf?: TestLoginRun }> {
  if (inResponseTo) {
    const run = await store.runs.consume(inResponseTo)
    if (run) return { run }
    const seen = await store.runs.findByKey(inResponseTo)
    if (seen?.consumedAt) return { replayOf: seen }
  }
  if (/^[A-Za-z0-9_-]{16,64}$/.test(relayState)) {
    const byRelay = await store.runs.get(relayState)
    if (byRelay?.protocol === 'saml') {
      if (byRelay.consumedAt) return { replayOf: byRelay }
      const run = await store.runs.consume(byRelay.stateKey)
      if (run) return { run }
      return { replayOf: byRelay }
    }
  }
  return {}
}

/**
 * The ACS: finds the run, accepts the answer once, validates it exactly as the vendor would (our ACS standing in
 * for the vendor's), stores the masked report with its timeline, and the unmasked view encrypted for 10 minutes.
 */
export async function completeSamlTestLogin(input: AcsInput, o: { store: Store; now?: Date }): Promise<AcsOutcome> {
  const t0 = performance.now()
  const now = o.now ?? new Date()
  const received = receive(input.samlResponse)
  const inResponseTo = received.model?.response?.inResponseTo
  const { run, replayOf } = await claimRun(o.store, inResponseTo, input.relayState)

  if (!run) {
    const code = replayOf ? 'SAML_TEST_LOGIN_REPLAYED' : 'SAML_TEST_LOGIN_RUN_NOT_FOUND'
    const f = finding(code, {
      expected: replayOf
        ? 'a response not seen before'
        : 'InResponseTo or RelayState of a test login started here in the last 15 minutes',
      actual: { inResponseTo: inResponseTo ?? null, relayState: input.relayState || null },
      ...(replayOf ? { firstResult: runPath(replayOf.id) } : {}),
    })
    const report = buildReport({
      subject: { kind: 'saml-test-login', idp: 'other', source: 'test login (ACS)' },
      profile: 'generic',
      now,
      findings: [f, ...received.findings],
      timeline: [
        step('response-received', `SAML answer received at the ACS (${input.samlResponse.length} characters)`, {
          at: now,
        }),
        step('error', f.title, { since: t0 }),
      ],
    })
    // A replay belongs to the workspace of the run it replays (its team sees it); an answer to nothing of ours has no
    // workspace to go to but the default one.
    const saved = await o.store.savedReports.save({
      kind: 'test-login',
      report,
      ...(replayOf ? { workspaceId: replayOf.workspaceId } : {}),
    })
    countTestLogin('saml', 'unmatched')
    return { kind: 'report', reportId: saved.id }
  }

  const pending = SamlPendingSchema.safeParse(run.pending)
  const connection = run.connectionId ? await o.store.connections.get(run.connectionId) : null
  const profile = profileFor(connection?.profileId ?? 'generic')
  const endpoint = samlIdpEndpoint(
    (pending.success ? pending.data.idpMetadataXml : undefined) ?? connection?.config.idpMetadataXml,
    { idp: 'other' },
  )
  const idp = endpoint.ok ? endpoint.value.trust.kind : 'other'
  const ctx: CheckContext = checkContext({
    profile,
    now,
    idp,
    ...(pending.success ? { spEntityId: pending.data.spEntityId, acsUrl: pending.data.acsUrl } : {}),
  })
  const timeline: TimelineStep[] = [...run.timeline]
  timeline.push(
    step(
      'response-received',
      `SAML answer posted to the ACS (${input.samlResponse.length} characters, RelayState ${input.relayState ? 'present' : 'absent'})`,
      { at: now },
    ),
  )

  const findings: Finding[] = [...received.findings]
  let extras: {
    skipped?: Report['skipped']
    facts?: Record<string, unknown>
    certificates?: Report['certificates']
    issuer?: string
  } = {}
  let nameId: string | undefined
  if (!endpoint.ok) findings.push(...endpoint.findings)
  if (received.doc && received.model && endpoint.ok && pending.success) {
    const r = received.model.response
    timeline.push(
      step(
        'decoded',
        `Decoded ${received.model.kind}: ID ${r?.id ?? '?'}, Issuer ${r?.issuer ?? '?'}, Status ${shortStatus(r?.status?.code)}${r?.status?.subCode ? ` / ${shortStatus(r.status.subCode)}` : ''}, InResponseTo ${r?.inResponseTo ?? '(none)'}`,
        {
          data: {
            encoding: received.encoding,
            destination: r?.destination ?? null,
            assertions: received.model.assertions.length,
          },
        },
      ),
    )
    const tCheck = performance.now()
    const [checked, ex] = validateParsed(
      received.doc,
      endpoint.value.trust,
      ctx,
      pending.data.requestId,
      received.encoding,
    )
    findings.push(...checked)
    extras = ex
    const signedAttributes = AttributesSchema.safeParse(ex.facts?.attributes)
    if (signedAttributes.success) findings.push(...immutableIdSourceFindings(profile, signedAttributes.data, { idp }))
    findings.push(...idpErrorCodeFindings(r?.status?.message, { idp, where: '/Response/Status/StatusMessage' }))
    nameId = signedNameId(received.doc, received.model, endpoint.value.trust, ctx)
    if (now.getTime() > Date.parse(pending.data.deadline)) {
      findings.push(
        finding(
          'SAML_TEST_LOGIN_RUN_EXPIRED',
          { expected: `an answer before ${pending.data.deadline}`, actual: now.toISOString() },
          { idp },
        ),
      )
    }
    if (input.relayState !== run.id) {
      findings.push(
        finding(
          'SAML_TEST_LOGIN_RELAY_STATE_MISMATCH',
          { expected: run.id, actual: input.relayState || null, where: 'RelayState' },
          { idp },
        ),
      )
    }
    // Only an assertion that was read (signed, success status) says anything about the reply URL in use.
    const addressed =
      !ex.skipped?.length &&
      !checked.some((f) => f.code === 'SAML_RECIPIENT_MISMATCH' || f.code === 'SAML_DESTINATION_MISMATCH')
    if (addressed && pending.data.vendorAcsUrl && pending.data.vendorAcsUrl !== pending.data.acsUrl) {
      findings.push(
        finding(
          'SAML_TEST_LOGIN_VENDOR_ACS',
          { expected: pending.data.vendorAcsUrl, actual: pending.data.acsUrl, where: 'Recipient / Destination' },
          { idp },
        ),
      )
    }
    // After an error status or an untrusted assertion, the assertion checks did not run.
    const assertionRead = !extras.skipped?.length
    const errorStatus = !!r?.status?.code && !r.status.code.endsWith(':Success')
    timeline.push(
      ...checkSteps(SAML_CHECKS, findings, {
        reachedUntil: assertionRead ? SAML_CHECKS.length - 1 : errorStatus ? 1 : 2,
      }),
    )
    timeline.push(step('check', `Checks took ${Math.round((performance.now() - tCheck) * 10) / 10} ms`))
  } else if (!pending.success) {
    findings.push(
      finding('SAML_TEST_LOGIN_RUN_NOT_FOUND', { expected: 'a SAML test login run', actual: { runId: run.id } }),
    )
  }

  const report = withSamlComparison(
    buildReport({
      subject: {
        kind: 'saml-test-login',
        idp,
        source: 'test login',
        ...(endpoint.ok ? { entityId: endpoint.value.trust.entityId } : {}),
        ...(extras.issuer ? { issuer: extras.issuer } : {}),
        ...(connection ? { connectionId: connection.id, connectionName: connection.name } : {}),
        // Who signed in, so an export stands alone; the store masks testUser like any personal value (lib/store/mask.ts).
        ...(nameId ? { testUser: nameId } : {}),
      },
      profile: profile.id,
      now,
      findings,
      ...(extras.skipped ? { skipped: extras.skipped } : {}),
      ...(extras.certificates ? { certificates: extras.certificates } : {}),
      facts: { ...(extras.facts ?? {}), runId: run.id, serverMs: Math.round((performance.now() - t0) * 10) / 10 },
    }),
    profile,
    { spEntityId: ctx.spEntityId, acsUrl: ctx.acsUrl },
  )
  timeline.push(
    step(
      'check',
      `${report.summary.errors} error(s), ${report.summary.warnings} warning(s): ${report.summary.verdict === 'go' ? 'the vendor would accept this login' : 'the vendor would reject this login'}`,
      { since: t0 },
    ),
  )
  const withTimeline: Report = { ...report, timeline }
  await o.store.runs.complete(run.id, {
    status: report.summary.verdict === 'go' ? 'completed' : 'failed',
    report: withTimeline,
    testUser: nameId ?? null,
    timeline,
  })
  countTestLogin('saml', report.summary.verdict === 'go' ? 'passed' : 'failed')
  countFindings(report.findings.map((f) => f.code))
  const browserHash = pending.success ? pending.data.browserHash : undefined
  await o.store.loginSecrets.put(
    samlViewKey(run.id),
    browserHash ?? NO_BROWSER,
    {
      ...(pending.success && pending.data.browserHash ? { browserHash: pending.data.browserHash } : {}),
      ...(received.xml ? { xml: received.xml } : {}),
      ...(nameId ? { nameId } : {}),
      ...privateIdentity(report.facts),
      ...privatePretty(received, run.timeline, report.findings),
    } satisfies PrivateSamlView,
    PRIVATE_VIEW_TTL_MS,
  )
  return { kind: 'run', runId: run.id }
}

/** The NameID, read only from an assertion a valid signature covers (for counting distinct test users). */
function signedNameId(
  doc: XmlDocument,
  model: SamlResponseDocument,
  trust: Parameters<typeof checkSignatures>[3],
  ctx: CheckContext,
): string | undefined {
  const assertionEl = model.assertions[0]
  if (!assertionEl || model.assertions.length !== 1) return undefined
  const gate = checkSignatures(doc, model.response, assertionEl, trust, ctx)
  if (!gate.signedAssertion) return undefined
  const nameId = readAssertion(gate.signedAssertion).nameId
  return nameId && !nameId.encrypted ? nameId.value : undefined
}

function shortStatus(uri: string | undefined): string {
  return uri ? uri.replace('urn:oasis:names:tc:SAML:2.0:status:', '') : '(none)'
}

/** NameID format and attributes from the (unmasked) facts of the report just built, before the store masks it. */
function privateIdentity(
  facts: Record<string, unknown> | undefined,
): Pick<PrivateSamlView, 'nameIdFormat' | 'attributes'> {
  const attrs = AttributesSchema.safeParse(facts?.attributes)
  return {
    ...(typeof facts?.nameIdFormat === 'string' ? { nameIdFormat: facts.nameIdFormat } : {}),
    ...(attrs.success ? { attributes: attrs.data } : {}),
  }
}

const AttributesSchema = z.array(z.object({ name: z.string(), values: z.array(z.string()) }))

/** The pretty views: the Response from the tree already parsed, our AuthnRequest from the run's first step. */
function privatePretty(
  received: Received,
  timeline: readonly TimelineStep[],
  findings: readonly Finding[],
): Pick<PrivateSamlView, 'responsePretty' | 'authnRequestPretty'> {
  const highlight = findings.map((f) => f.evidence.where)
  const sent = timeline.find((t) => t.kind === 'request-sent')?.data
  const requestXml =
    sent && typeof sent === 'object' && 'authnRequest' in sent && typeof sent.authnRequest === 'string'
      ? sent.authnRequest
      : undefined
  const request = requestXml ? parseSafeXml(requestXml) : undefined
  return {
    ...(received.xml && received.doc ? { responsePretty: prettyXml(received.xml, received.doc, { highlight }) } : {}),
    ...(requestXml && request?.ok ? { authnRequestPretty: prettyXml(requestXml, request.value) } : {}),
  }
}
