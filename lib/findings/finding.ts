import { catalog, type FindingCode } from './catalog/index'
import type { CatalogEntry, Evidence, Finding, IdpKind, Severity } from './types'

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
  const fixAt = ctx.idp ? entry.fixAt?.[ctx.idp] : undefined
  const logs = ctx.idp ? entry.logs?.[ctx.idp] : undefined
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

function stripUndefined(e: Evidence): Evidence {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(e)) if (v !== undefined) out[k] = v
  return out as Evidence
}
