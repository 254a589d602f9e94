import {
  checkMetadata,
  checkOidc,
  checkResponse,
  resolveProfile,
  type PrettyXml,
  type Report,
  type SpProfile,
} from '@/lib'
import type { CheckRequest, MetadataCheck, OidcCheck, ResponseCheck } from './check-request'
import { countFindings } from '@/lib/ops/metrics'

/** A finished check, or why none could run: every customer-side problem is a finding inside the report. */
export type CheckOutcome =
  | {
      ok: true
      report: Report
      /** A checked SAML response, decoded and indented (when asked for). */ readable?: PrettyXml
    }
  | { ok: false; reason: 'failed' | 'invalid-profile'; message: string }

const KIND_NAME: Record<CheckRequest['kind'], string> = {
  'saml-metadata': 'SAML metadata analysis',
  'oidc-discovery': 'OIDC configuration analysis',
  'saml-response': 'SAML response validation',
}

/**
 * Turns a validated form or API body into the one lib job it stands for. An unreachable URL or a bad document
 * comes back inside the report as findings; only our own bug is not a report (and is logged by code, not content).
 */
export async function runCheck(
  req: CheckRequest,
  o: { source?: string; readable?: boolean } = {},
): Promise<CheckOutcome> {
  // How the document came in, as the report says it ("pasted text", "uploaded file"); an API body stays 'upload'.
  const name = o.source ?? 'upload'
  const resolved = resolveProfile(req.profile)
  if (!resolved.ok) return { ok: false, reason: 'invalid-profile', message: resolved.message }
  try {
    const outcome =
      req.kind === 'saml-metadata'
        ? await metadataJob(req, resolved.profile, name)
        : req.kind === 'oidc-discovery'
          ? await oidcJob(req, resolved.profile, name)
          : await responseJob(req, resolved.profile, name, o.readable === true)
    countFindings(outcome.report.findings.map((f) => f.code))
    return { ok: true, ...outcome }
  } catch (err) {
    // The kind of failure only: messages may quote the customer's document.
    console.error(`[check] ERR_UNEXPECTED in ${req.kind}: ${err instanceof Error ? err.name : typeof err}`)
    return {
      ok: false,
      reason: 'failed',
      message: `The ${KIND_NAME[req.kind]} failed unexpectedly (ERR_UNEXPECTED). This is a bug in SSO Preflight, not a problem with your input.`,
    }
  }
}

function metadataJob(req: MetadataCheck, profile: SpProfile, name: string) {
  const source =
    req.url !== undefined ? { kind: 'url' as const, url: req.url } : { kind: 'xml' as const, text: req.xml ?? '', name }
  return checkMetadata({
    source,
    profile,
    now: req.now,
    spEntityId: req.spEntityId,
    acsUrl: req.acsUrl,
    signOnUrl: req.signOnUrl,
    idp: req.idp,
  })
}

function oidcJob(req: OidcCheck, profile: SpProfile, name: string) {
  const source =
    req.url !== undefined
      ? { kind: 'url' as const, url: req.url }
      : { kind: 'json' as const, text: req.discovery ?? '', name }
  return checkOidc({
    source,
    jwks: req.jwks,
    profile,
    now: req.now,
    expectedIssuer: req.expectedIssuer,
    clientId: req.clientId,
    redirectUri: req.redirectUri,
  })
}

function responseJob(req: ResponseCheck, profile: SpProfile, name: string, readable: boolean) {
  const idpMetadata =
    req.idpMetadataUrl !== undefined
      ? { kind: 'url' as const, url: req.idpMetadataUrl }
      : { kind: 'xml' as const, text: req.idpMetadata ?? '', name: 'IdP metadata' }
  return checkResponse({
    response: req.response ?? '',
    responseName: name,
    idpMetadata,
    profile,
    now: req.now,
    spEntityId: req.spEntityId,
    acsUrl: req.acsUrl,
    requestId: req.requestId,
    readable,
  })
}
