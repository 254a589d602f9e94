import { checkContext } from '../context'
import { finding } from '../findings/finding'
import { rederiveReport } from '../findings/rederive'
import { buildReport, type Report } from '../findings/report'
import type { SpProfile } from '../profiles/schema'
import { checkMetadata } from '../jobs/check-metadata'
import { checkOidc } from '../jobs/check-oidc'
import { checkResponse } from '../jobs/check-response'
import { checkToken } from '../jobs/check-token'
import { defined } from '../jobs/report-parts'
import { decodeSamlMessage } from '../saml/response/index'
import { parseSafeXml } from '../xml/parse'
import type { IdpKind } from '../findings/types'
import { checkUnverifiedResponse } from './unverified-response'
import { parseSupportBundle, type SupportBundle } from './bundle'
import { detectInput, type DetectedInput } from '../input/detect-input'
import { samlFormValue, triageKindOf, type TriageInputKind } from './detect'
import { explain } from './explain/index'
import { analyzeHar } from './har/index'
import { analyzeSamlHop } from './har/saml'
import { scrubSecrets } from './har/scrub'

export interface TriageInputOptions {
  readonly profile: SpProfile
  readonly now?: Date
  /** IdP SAML metadata: a pasted SAMLResponse or a HAR's responses are validated against it. */
  readonly idpMetadataXml?: string
  /** For a pasted ID token: the issuer's JWKS, the client ID, the expected issuer and nonce. */
  readonly jwks?: string
  readonly clientId?: string
  readonly issuer?: string
  readonly nonce?: string
  /** The vendor's SP values the admin expects: a pasted SAMLResponse's audience and recipient are checked against them. */
  readonly spEntityId?: string
  readonly acsUrl?: string
}

export interface TriageResult {
  readonly kind: TriageInputKind
  /** What the text was recognised as, finer than `kind` ("JWKS (a key set, not a discovery document)"). */
  readonly detected: DetectedInput
  readonly reports: readonly Report[]
  /** Set when a support bundle was imported: its identifiers and configuration are shown as they came. */
  readonly bundle?: SupportBundle
}

/** The /triage page's one entry point: detect what was pasted and run the right check. Never throws on bad input. */
export async function triageInput(text: string, o: TriageInputOptions): Promise<TriageResult> {
  const detected = detectInput(text)
  const r = await triageAs(triageKindOf(detected), text, o)
  // Every report made here says what it was given; imported reports stay as they were (their facts are the original's).
  if (detected.kind === 'report' || detected.kind === 'support-bundle') return { ...r, detected }
  return { ...r, detected, reports: r.reports.map((report) => withDetectedInput(report, detected)) }
}

/** The report with `facts.detectedInput` set (a HAR's or a bundle's own facts kept). */
export function withDetectedInput(report: Report, detected: DetectedInput): Report {
  return { ...report, facts: { detectedInput: detected, ...report.facts } }
}

async function triageAs(
  kind: TriageInputKind,
  text: string,
  o: TriageInputOptions,
): Promise<Omit<TriageResult, 'detected'>> {
  const now = o.now ?? new Date()
  switch (kind) {
    case 'har':
      return {
        kind,
        reports: [
          analyzeHar(text, {
            profile: o.profile,
            now,
            ...(o.idpMetadataXml ? { idpMetadataXml: o.idpMetadataXml } : {}),
          }),
        ],
      }
    case 'support-bundle': {
      const b = parseSupportBundle(text)
      return b.ok
        ? { kind, reports: b.value.reports, bundle: b.value }
        : { kind, reports: [bundleError(b.findings, o, now)] }
    }
    case 'report': {
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch {
        json = undefined
      }
      // An imported report is re-derived: its words, owners and verdict come from our catalog, not from the file.
      const r = rederiveReport(json)
      if (r.ok) return { kind, reports: [r.report] }
      return {
        kind,
        reports: [
          bundleError(
            [finding('TRIAGE_BUNDLE_INVALID', { expected: 'sso-preflight/report@1', actual: r.message })],
            o,
            now,
          ),
        ],
      }
    }
    case 'jwt': {
      const { report } = await checkToken({
        token: text,
        profile: o.profile,
        now,
        where: 'triage form',
        ...defined({ jwks: o.jwks, clientId: o.clientId, issuer: o.issuer, nonce: o.nonce }),
      })
      return { kind, reports: [report] }
    }
    case 'saml':
      return { kind, reports: [await samlReport(samlFormValue(text.trim()) ?? text, o, now)] }
    case 'saml-metadata': {
      // Metadata pasted into triage is checked as metadata (and against the SP values typed), not read as an error text.
      const { report } = await checkMetadata({
        source: { kind: 'xml', text, name: 'pasted text' },
        profile: o.profile,
        now,
        ...defined({ spEntityId: o.spEntityId, acsUrl: o.acsUrl }),
      })
      return { kind, reports: [report] }
    }
    case 'oidc-discovery': {
      const { report } = await checkOidc({
        source: { kind: 'json', text, name: 'pasted text' },
        profile: o.profile,
        now,
        ...defined({ jwks: o.jwks, expectedIssuer: o.issuer, clientId: o.clientId }),
      })
      return { kind, reports: [report] }
    }
    case 'text':
      return { kind, reports: [explain(text, { now, profile: o.profile.id })] }
  }
}

function bundleError(findings: ReturnType<typeof finding>[], o: TriageInputOptions, now: Date): Report {
  return buildReport({
    subject: { kind: 'explain', idp: 'other', source: 'imported file' },
    profile: o.profile.id,
    now,
    findings,
  })
}

async function samlReport(message: string, o: TriageInputOptions, now: Date): Promise<Report> {
  if (o.idpMetadataXml) {
    const { report } = await checkResponse({
      response: message,
      responseName: 'pasted SAML message',
      idpMetadata: { kind: 'xml', text: o.idpMetadataXml, name: 'pasted SAML message' },
      profile: o.profile,
      now,
      ...defined({ spEntityId: o.spEntityId, acsUrl: o.acsUrl }),
    })
    return report
  }
  const ctx = checkContext({ profile: o.profile, now })
  const where = 'pasted SAML message'
  const r = analyzeSamlHop(
    {
      index: 0,
      at: now,
      kind: 'saml-response',
      method: 'POST',
      url: 'about:blank',
      host: 'pasted',
      status: 0,
      binding: 'post',
      samlMessage: message,
    },
    { ctx, where },
  )
  let findings = [...r.findings]
  let idp: IdpKind = 'other'
  if (
    !r.findings.some((f) => f.code === 'TRIAGE_HAR_SAML_UNREADABLE') &&
    r.step.data &&
    (r.step.data as { message?: string }).message === 'Response'
  ) {
    // Without metadata: check what can be checked from the unverified XML, the status from the SAML status table.
    const decoded = decodeSamlMessage(message)
    const parsed = decoded.ok ? parseSafeXml(decoded.value.xml) : undefined
    if (parsed?.ok) {
      const checked = checkUnverifiedResponse(parsed.value, {
        profile: o.profile,
        now,
        where,
        ...(o.spEntityId ? { spEntityId: o.spEntityId } : {}),
        ...(o.acsUrl ? { acsUrl: o.acsUrl } : {}),
      })
      findings = checked.findings
      idp = checked.idp
    }
  }
  const { url: _url, host: _host, entry: _entry, ...data } = (r.step.data ?? {}) as Record<string, unknown>
  const report = buildReport({
    subject: { kind: 'saml-response', idp, source: 'pasted SAML message' },
    profile: o.profile.id,
    now,
    findings,
    timeline: [{ ...r.step, summary: r.step.summary.replace(/ (posted|sent) to pasted/, ' pasted'), data }],
    facts: data,
  })
  return scrubSecrets(report, r.secrets)
}
