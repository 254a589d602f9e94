/*
 * Masking lives in one module, lib/store/mask.ts; triage re-exports the two forms it shows. `redacted` is a different
 * job: a secret (cookie, token, code) replaced by its length in a HAR, never shown in any form.
 */
export { maskEmails, maskValue as maskPersonal } from '../store/mask'

/** A secret value shown as its length only, so two values can still be told apart by size but never read. */
export function redacted(value: string): string {
  return `[redacted ${value.length} chars]`
}
