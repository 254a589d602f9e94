import { isFindingCode } from '../findings/catalog/index'
import { finding } from '../findings/finding'
import type { Finding, IdpKind } from '../findings/types'

/**
 * Error codes the IdP put into its message (Entra's AADSTS numbers in a SAML StatusMessage or an error page, Okta's
 * E0000xxx error codes on its error pages), turned into the catalog's knowledge of that code when there is an entry for it.
 */
export function idpErrorCodeFindings(message: string | undefined, o: { idp: IdpKind; where: string }): Finding[] {
  if (!message) return []
  const out: Finding[] = []
  for (const m of message.matchAll(/AADSTS(\d{5,7})/g)) {
    const code = `TRIAGE_AADSTS${m[1]}`
    if (isFindingCode(code)) out.push(finding(code, { actual: message.slice(0, 500), where: o.where }, { idp: o.idp === 'other' ? 'entra' : o.idp }))
  }
  // Okta's error object: errorCode E0000 and three digits (https://developer.okta.com/docs/reference/error-codes/).
  for (const code of new Set(Array.from(message.matchAll(/\bE0000(\d{3})\b/g), (m) => `TRIAGE_OKTA_E0000${m[1]}`))) {
    if (isFindingCode(code)) out.push(finding(code, { actual: message.slice(0, 500), where: o.where }, { idp: o.idp === 'other' ? 'okta' : o.idp }))
  }
  return out
}
