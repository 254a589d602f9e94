import { REPORT_SCHEMA_ID } from '../findings/report'
import { decodeSamlMessage } from '../saml/response/decode'
import { SUPPORT_BUNDLE_SCHEMA_ID } from './bundle'

/** What a pasted or dropped text is. */
export type TriageInputKind = 'har' | 'report' | 'support-bundle' | 'jwt' | 'saml' | 'text'

const JWT = /^[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*$/
const B64 = /^[A-Za-z0-9+/=%_-]+$/

/** Auto-detects what was pasted, cheaply: JSON shape, JWT shape, SAML XML or its base64 / deflated forms, else text. */
export function detectTriageInput(text: string): TriageInputKind {
  const t = text.replace(/^\uFEFF/, '').trim()
  if (t.startsWith('{')) {
    const head = t.slice(0, 4000)
    if (/"log"\s*:\s*\{/.test(head) && /"entries"\s*:/.test(t.slice(0, 200_000))) return 'har'
    if (head.includes(`"${SUPPORT_BUNDLE_SCHEMA_ID}"`)) return 'support-bundle'
    if (head.includes(`"${REPORT_SCHEMA_ID}"`)) return 'report'
    return 'text'
  }
  const bare = t.replace(/^(?:id_token=|Bearer\s+)/i, '')
  if (JWT.test(bare) && bare.startsWith('eyJ')) return 'jwt'
  if (t.startsWith('<') && /(Response|Assertion|AuthnRequest|LogoutRequest|LogoutResponse)\b/.test(t.slice(0, 5000))) return 'saml'
  const value = (samlFormValue(t) ?? t).replace(/[\r\n]+/g, '')
  // base64 (or its URL-encoded / base64url forms) of XML, or of the deflated redirect form: let the SAML decoder decide.
  if (value.length >= 40 && B64.test(value) && decodeSamlMessage(value).ok) return 'saml'
  return 'text'
}

/** `SAMLResponse=...` or `SAMLRequest=...` copied from a form body or URL: the value. */
export function samlFormValue(text: string): string | undefined {
  const m = /(?:^|[?&\s])SAML(?:Response|Request)=([^&\s]+)/.exec(text)
  if (!m) return undefined
  try { return decodeURIComponent(m[1]!.replace(/\+/g, ' ')).replace(/ /g, '+') } catch { return m[1] }
}
