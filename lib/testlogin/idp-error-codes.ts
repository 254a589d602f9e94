import { isFindingCode } from '../findings/catalog/index'
import { finding } from '../findings/finding'
import type { Finding, IdpKind } from '../findings/types'

/**
 * Error codes the IdP put into its message (Entra's AADSTS numbers in a SAML StatusMessage or an error page),
 * turned into the catalog's knowledge of that code when there is an entry for it.
 */
export function idpErrorCodeFindings(message: string | undefined, o: { idp: IdpKind; where: string }): Finding[] {
  if (!message) return []
  const out: Finding[] = []
  for (const m of message.matchAll(/AADSTS(\d{5,7})/g)) {
    const code = `TRIAGE_AADSTS${m[1]}`
    if (isFindingCode(code)) out.push(finding(code, { actual: message.slice(0, 500), where: o.where }, { idp: o.idp === 'other' ? 'entra' : o.idp }))
  }
  return out
}
