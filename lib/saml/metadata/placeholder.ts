import { reservedExampleDomain } from '../../net/reserved-domains'

/*
 * Values that stand for "fill this in": IdP templates ({tenantid}), vendor defaults ("IdP Entity ID"), redactions
 * ("https://..."), documentation hosts (example.com, RFC 2606). A real configuration never contains them.
 */
const TEMPLATE_RE = /[{}<>]|\$\{|%[A-Z_]+%|\.\.\.|\u2026/
const DEFAULT_WORDS_RE =
  /^(idp[ _-]?entity[ _-]?id|entity[ _-]?id|issuer|identifier|sp[ _-]?entity[ _-]?id|your[ _-].*|change[ _-]?me|todo|tbd|xxx+|example|placeholder|n\/a|none|null|undefined)$/i
const BARE_SCHEME_RE = /^[a-z][a-z0-9+.-]*:\/*$/i
/** The reason given for a host under a reserved example domain; callers that report NET_RESERVED_EXAMPLE_DOMAIN skip it. */
export const DOCUMENTATION_HOST = 'a documentation host (example.com, .example, .invalid, .test)'
// Only the start of a value is looked at: no real entity ID or URL is longer, and hostile input stays cheap.
const MAX_CHECKED = 2048

/** Why `value` looks like a placeholder, or undefined when it looks real. */
export function placeholderReason(value: string): string | undefined {
  const v = value.trim().slice(0, MAX_CHECKED)
  if (TEMPLATE_RE.test(v)) return 'template or redacted text ({...}, <...>, "...")'
  if (DEFAULT_WORDS_RE.test(v)) return 'a default label, not a value'
  if (BARE_SCHEME_RE.test(v)) return 'a bare scheme without a host'
  const host = hostOf(v)
  if (host && reservedExampleDomain(host)) return DOCUMENTATION_HOST
  return undefined
}

function hostOf(v: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return undefined
  try {
    return new URL(v).hostname.replace(/\.$/, '')
  } catch {
    return undefined
  }
}
