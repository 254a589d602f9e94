import { idpCodesIn } from '../findings/catalog/idp-error-codes'
import { finding } from '../findings/finding'
import type { Finding, IdpKind } from '../findings/types'

/**
 * Error codes the IdP put into its message (Entra's AADSTS numbers, Okta's E0000… codes, in a SAML StatusMessage or
 * an error page), turned into the IdP error-code table's row for that code when the table has one. The code names
 * its IdP, whatever the run guessed.
 */
export function idpErrorCodeFindings(message: string | undefined, o: { idp: IdpKind; where: string }): Finding[] {
  if (!message) return []
  return idpCodesIn(message.slice(0, 5000)).flatMap((m) =>
    m.code ? [finding(m.code, { actual: message.slice(0, 500), where: o.where }, { idp: m.idp })] : [],
  )
}
