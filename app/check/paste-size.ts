import { BODY_LIMITS, formatBytes } from '@/app/_server/body-limits'
import { MAX_INPUT_BYTES, MAX_INPUT_LABEL } from './check-request'
import type { FormField } from './form-state'

/** The pasted-text controls of the /check form and the field group each one's error belongs to. */
const PASTE_FIELDS: Readonly<Record<string, FormField>> = { text: 'input', idpText: 'idpInput', jwksText: 'jwks' }

/** What the form and the server action say about a document over the limit. */
export function tooLargeMessage(bytes: number, name?: string): string {
  return `${name ? `“${name}” is` : 'The pasted text is'} ${bytes.toLocaleString('en-US')} bytes; the limit is ${MAX_INPUT_LABEL}. Upload the IdP's document itself, not an archive, log or whole federation aggregate.`
}

/**
 * Checked in the browser before the form is sent: a paste over the limit (or a form over the server-action body
 * limit) is said in the form, next to its field, instead of being refused by the server as a bare error page.
 */
export function oversizedFields(form: FormData): Partial<Record<FormField, string[]>> {
  const out: Partial<Record<FormField, string[]>> = {}
  let total = 0
  for (const [name, value] of form.entries()) {
    const bytes = typeof value === 'string' ? utf8Length(value) : value.size
    total += bytes
    const field = PASTE_FIELDS[name]
    if (field && typeof value === 'string' && bytes > MAX_INPUT_BYTES) out[field] = [tooLargeMessage(bytes)]
  }
  if (total > BODY_LIMITS.serverAction && Object.keys(out).length === 0) {
    out.input = [
      `Everything in the form adds up to ${formatBytes(total)}; at most ${formatBytes(BODY_LIMITS.serverAction)} can be sent at once.`,
    ]
  }
  return out
}

/** UTF-8 size without copying: 1–4 bytes per code point. */
function utf8Length(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4
      i++
    } else n += 3
  }
  return n
}
