import { samlStatusCatalog, type SamlStatusCode } from './catalog/saml-status'
import type { FindingCode } from './catalog/index'
import type { Evidence, IdpKind } from './types'

/**
 * Codes earlier versions emitted for a fact that now has one entry (issue 8, "one entry per fact"), and the entry
 * that holds it. Used only when re-deriving an imported or saved report (rederiveReport); nothing emits these.
 * Where one old code covered both Entra's and Okta's error, `okta` is the Okta row.
 */
export const RENAMED_CODES: Readonly<Record<string, { readonly code: FindingCode; readonly okta?: FindingCode }>> = {
  // The SAML status table: one SAML_STATUS_* per status URI (the triage copies had their own words and severities).
  ...Object.fromEntries((Object.keys(samlStatusCatalog) as SamlStatusCode[]).map((c) => [`TRIAGE_${c}`, { code: c }])),
  // The IdP error-code table: one row per AADSTS code / Okta error / OAuth error name.
  OIDC_AUTHORIZE_REDIRECT_URI_MISMATCH: { code: 'TRIAGE_AADSTS50011', okta: 'TRIAGE_OKTA_REDIRECT_URI_NOT_ALLOWED' },
  OIDC_AUTHORIZE_CLIENT_NOT_FOUND: { code: 'TRIAGE_AADSTS700016' },
  OIDC_AUTHORIZE_USER_NOT_ASSIGNED: { code: 'TRIAGE_AADSTS50105', okta: 'TRIAGE_OKTA_USER_NOT_ASSIGNED' },
  TRIAGE_OKTA_INVALID_CLIENT: { code: 'OIDC_CLIENT_SECRET_INVALID' },
  TRIAGE_OKTA_ACCESS_DENIED: { code: 'OIDC_AUTHORIZE_ACCESS_DENIED' },
  TRIAGE_OKTA_CONSENT_REQUIRED: { code: 'OIDC_AUTHORIZE_CONSENT_REQUIRED' },
}

/**
 * The current code for a renamed one, or undefined when the code was not renamed. The Okta row is chosen when the
 * finding was made for Okta (its screen, or the report's IdP) and its evidence carries no AADSTS code.
 */
export function renamedCode(
  code: string,
  f: { evidence: Evidence; fixAt?: string | undefined },
  subjectIdp: IdpKind,
): FindingCode | undefined {
  if (!Object.hasOwn(RENAMED_CODES, code)) return undefined
  const to = RENAMED_CODES[code]!
  const oktaSide =
    !/AADSTS/i.test(JSON.stringify(f.evidence).slice(0, 20_000)) &&
    (subjectIdp === 'okta' || /^Okta\b/.test(f.fixAt ?? ''))
  return oktaSide && to.okta ? to.okta : to.code
}
