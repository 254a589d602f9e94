import type { Report } from '../findings/report'

/*
 * Masking for stored data: personal values (emails, NameIDs, names, user GUIDs) are shortened so a support engineer
 * can still tell "the same user" and the shape of the value, and secrets (tokens, passwords, codes, assertions)
 * are removed. Applied to the parts of a report that carry observed values: evidence, facts, timeline, subject.
 * Finding words come from the catalog and are left alone.
 */

export const REDACTED = '[redacted]'

const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g
const GUID = /^\{?([0-9a-fA-F]{4})[0-9a-fA-F]{4}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{8}([0-9a-fA-F]{4})\}?$/
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi

/** Keys whose value is a secret: removed whole. */
const SECRET_KEYS = /^(password|passwd|pwd|secret|client_?secret|token|id_?token|access_?token|refresh_?token|code_?verifier|authorization|cookie|set-cookie|saml_?response|samlresponse|samlrequest|saml_?request|assertion|private_?key|client_?assertion|otp|passcode)$/i
/** Keys whose value is personal: every string under them is masked. */
const PERSONAL_KEYS = /^(name_?id|nameidvalue|sub|subject_?id|email|e?mail_?address|emails|upn|user_?principal_?name|preferred_?username|unique_?name|given_?name|family_?name|first_?name|last_?name|full_?name|display_?name|surname|object_?guid|objectid|oid|user|user_?name|username|test_?user|login|login_?hint|phone|phone_?number|mobile|employee_?id)$/i
/** Claim / attribute names that carry a personal value (short names and the namespaced Entra URIs end in these). */
const PERSONAL_ATTRIBUTE = /(email|emailaddress|mail|upn|name|givenname|surname|firstname|lastname|displayname|objectguid|objectidentifier|nameidentifier|sub|oid|phone|employeeid|username)$/i

/** A personal string, shortened: emails keep the first letter and the domain, GUIDs their ends, others 1–2 letters. */
export function maskValue(value: string): string {
  const v = value.trim()
  if (v === '' || v.includes('***')) return value
  if (v.includes('@')) return v.replace(EMAIL, '$1***@$2')
  const guid = GUID.exec(v)
  if (guid) return `${guid[1]}****-****-****-****-********${guid[2]}`
  if (v.length <= 2) return '*'.repeat(v.length)
  if (v.length <= 6) return `${v[0]}***`
  return `${v.slice(0, 2)}***${v.slice(-2)}`
}

/** Masks emails, bearer tokens and JWTs inside free text; personal parts of SAML XML (NameID, AttributeValue). */
export function maskText(text: string, depth = 0): string {
  const json = depth < 40 ? parseJsonText(text) : undefined
  if (json !== undefined) return JSON.stringify(maskDeep(json, depth + 1))
  let out = text.replace(JWT, '[redacted JWT]').replace(BEARER, '$1 [redacted]')
  if (out.includes('<')) out = maskSamlXml(out)
  out = out.replace(EMAIL, '$1***@$2')
  if (GUID.test(out.trim())) out = maskValue(out)
  if (looksLikeBase64Xml(out)) return REDACTED
  return out
}

// Claims or a token response pasted as JSON text: masked like the objects they are.
function parseJsonText(text: string): unknown {
  const t = text.trim()
  if (!(t.startsWith('{') && t.endsWith('}')) && !(t.startsWith('[') && t.endsWith(']'))) return undefined
  try {
    const v: unknown = JSON.parse(t)
    return v !== null && typeof v === 'object' ? v : undefined
  } catch {
    return undefined
  }
}

function maskSamlXml(xml: string): string {
  return xml
    .replace(/(<(?:[\w-]+:)?(?:NameID|AttributeValue|EncryptedID)\b[^>]*>)([^<]*)(?=<)/g, (_, open: string, text: string) =>
      open + (text.trim() ? maskValue(text) : text))
    .replace(/(<(?:[\w-]+:)?(?:CipherValue)\b[^>]*>)([^<]*)(?=<)/g, (_, open: string) => open + REDACTED)
}

// A base64 blob that decodes to XML is a SAMLResponse / SAMLRequest: nothing in it is safe to keep.
function looksLikeBase64Xml(s: string): boolean {
  const t = s.trim()
  if (t.length < 40 || !/^[A-Za-z0-9+/=\r\n_-]+$/.test(t)) return false
  const head = Buffer.from(t.slice(0, 64), 'base64').toString('latin1')
  return head.trimStart().startsWith('<') || /samlp?:/i.test(head)
}

/** Masks any JSON-like value: secret keys removed, personal keys masked, free text scanned. Pure; returns a copy. */
export function maskDeep(value: unknown, depth = 0): unknown {
  if (depth > 40) return REDACTED
  if (typeof value === 'string') return maskText(value, depth)
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1))
  if (value === null || typeof value !== 'object') return value
  const obj = value as Record<string, unknown>
  // An attribute / claim as { name, values } or { name, value }: the values are the user's.
  const attributeName = typeof obj.name === 'string' ? obj.name : typeof obj.Name === 'string' ? obj.Name : undefined
  const personalAttribute = attributeName !== undefined && PERSONAL_ATTRIBUTE.test(attributeName)
  // A claims set ({ sub, name, email, ... }): here `name` is the person's name.
  const claimsSet = typeof obj.sub === 'string' || typeof obj.oid === 'string'
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(obj)) {
    if ((SECRET_KEYS.test(k) && !isStatusWord(k, v)) || (k === 'code' && typeof v === 'string' && isOpaqueCode(v))) out[k] = v == null ? v : REDACTED
    else if (PERSONAL_KEYS.test(k) || isPersonalClaimUri(k) || (claimsSet && k === 'name')) out[k] = maskPersonal(v, depth + 1)
    else if (personalAttribute && /^values?$/i.test(k)) out[k] = maskPersonal(v, depth + 1)
    else out[k] = maskDeep(v, depth + 1)
  }
  return out
}

// Entra's namespaced claim names as keys (http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress).
function isPersonalClaimUri(k: string): boolean {
  return k.includes('/') && PERSONAL_ATTRIBUTE.test(k)
}

// Error codes (AADSTS50011, invalid_client) stay; an authorization code (long, opaque) goes.
/** facts.signature.assertion = 'valid' is a verdict about the assertion, not the assertion itself. */
function isStatusWord(k: string, v: unknown): boolean {
  return /^assertion$/i.test(k) && typeof v === 'string' && v.length <= 40 && /^[\w ,.()-]*$/.test(v)
}

function isOpaqueCode(v: string): boolean {
  return v.length >= 20 && !/\s/.test(v) && !/^[A-Z]+\d+$/.test(v)
}

function maskPersonal(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return maskValue(value)
  if (typeof value === 'number') return maskValue(String(value))
  if (Array.isArray(value)) return value.map((v) => maskPersonal(v, depth + 1))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskPersonal(v, depth + 1)]))
  }
  return value
}

/** The report as it may be stored: personal values masked in evidence, facts, timeline and subject; secrets removed. */
export function maskReport(report: Report): Report {
  const { kind, idp, ...subjectRest } = report.subject
  return {
    ...report,
    subject: { kind, idp, ...(maskDeep(subjectRest) as Record<string, unknown>) },
    findings: report.findings.map((f) => ({ ...f, evidence: maskDeep(f.evidence) as typeof f.evidence })),
    ...(report.facts ? { facts: maskDeep(report.facts) as Record<string, unknown> } : {}),
    ...(report.timeline ? { timeline: report.timeline.map((s) => ({ ...s, summary: maskText(s.summary), ...(s.data !== undefined ? { data: maskDeep(s.data) } : {}) })) } : {}),
  }
}

/** A user identifier as it may be shown and stored. */
export function maskUser(user: string): string {
  return maskValue(user)
}
