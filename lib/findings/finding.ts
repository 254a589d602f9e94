import { catalog, type FindingCode } from './catalog/index'
import type { CatalogEntry, Evidence, Finding, IdpKind, PerIdp, Severity } from './types'

/** What a check knows about where it runs: enough to pick the right IdP screen. */
export interface FindingContext {
  readonly idp?: IdpKind
}

/**
 * Builds a finding from its catalog entry. Checks never write text: severity, owner and words come from the
 * catalog; the check supplies only the evidence (expected vs actual).
 * `severity` may be lowered or raised by profile policy (e.g. SHA-1 is an error under one profile, a warning under another).
 */
export function finding(code: FindingCode, evidence: Evidence = {}, ctx: FindingContext = {}, o: { severity?: Severity } = {}): Finding {
  const entry: CatalogEntry = catalog[code]
  const fixAt = forIdp(entry.fixAt, ctx.idp)
  const logs = forIdp(entry.logs, ctx.idp)
  return {
    code,
    severity: o.severity ?? entry.severity,
    owner: entry.owner,
    title: entry.title,
    detail: entry.detail,
    nextStep: entry.nextStep,
    ...(entry.important ? { important: entry.important } : {}),
    ...(fixAt ? { fixAt } : {}),
    ...(logs ? { logs } : {}),
    evidence: stripUndefined(evidence),
    ...(entry.docs?.length ? { docs: [...entry.docs] } : {}),
  }
}

const IDP_LABEL: Record<IdpKind, string> = { entra: 'Entra ID', okta: 'Okta', adfs: 'AD FS', google: 'Google', keycloak: 'Keycloak', other: 'Other IdPs' }

/**
 * The screen (or log view) for the detected IdP. When the IdP could not be told apart ('other', or not given), the
 * admin still gets every screen we know, each labelled, rather than nothing.
 */
function forIdp(texts: PerIdp | undefined, idp: IdpKind | undefined): string | undefined {
  if (!texts) return undefined
  if (idp && texts[idp]) return texts[idp]
  if (idp && idp !== 'other') return undefined
  const known = (Object.entries(texts) as [IdpKind, string][]).filter(([, t]) => t)
  return known.length ? known.map(([k, t]) => `${IDP_LABEL[k]}: ${t}`).join(' · ') : undefined
}

function stripUndefined(e: Evidence): Evidence {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(e)) if (v !== undefined) out[k] = v
  return out as Evidence
}
