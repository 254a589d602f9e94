/** Personal values are masked in anything shown or stored: keep enough to recognise, not to identify. */
const EMAIL = /([A-Za-z0-9._%+-])([A-Za-z0-9._%+-]*)@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g

/** `jane.doe@contoso.com` → `j***@contoso.com`. The domain stays: it says which tenant or org is involved. */
export function maskEmails(text: string): string {
  return text.replace(EMAIL, (_m, first: string, _rest: string, domain: string) => `${first}***@${domain}`)
}

/** A secret value shown as its length only, so two values can still be told apart by size but never read. */
export function redacted(value: string): string {
  return `[redacted ${value.length} chars]`
}

/** Masks a personal value (NameID, sub, user name) keeping its first character and an email's domain. */
export function maskPersonal(value: string): string {
  if (value.includes('@')) return maskEmails(value)
  if (value.length <= 2) return '***'
  return value[0] + '***'
}
