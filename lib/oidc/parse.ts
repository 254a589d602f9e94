import { finding, type FindingContext } from '../findings/finding'
import type { Finding } from '../findings/types'
import type { Parsed } from '../context'

/** Discovery documents and JWKS are small; anything this large is not one. */
export const MAX_JSON_CHARS = 2 * 1024 * 1024

/**
 * Reads a JSON object from untrusted text: BOM tolerated (MSAL.NET and AD FS files carry one), empty, too large,
 * malformed and non-object JSON are findings. `which` names the document in the evidence.
 */
export function parseJsonObject(
  text: string,
  which: 'discovery' | 'jwks',
  ctx: FindingContext = {},
): Parsed<Record<string, unknown>> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const fail = (f: Finding): Parsed<Record<string, unknown>> => ({ ok: false, findings: [f] })
  if (body.trim() === '')
    return fail(finding('INPUT_EMPTY', { expected: `a ${which} JSON document`, actual: 'empty', where: which }, ctx))
  if (body.length > MAX_JSON_CHARS)
    return fail(
      finding(
        'INPUT_TOO_LARGE',
        { expected: `at most ${MAX_JSON_CHARS} characters`, actual: body.length, where: which },
        ctx,
      ),
    )
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch (err) {
    return fail(
      finding(
        'INPUT_NOT_JSON',
        { expected: 'JSON', actual: err instanceof Error ? err.message : String(err), where: which },
        ctx,
      ),
    )
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value
    return fail(
      which === 'discovery'
        ? finding('OIDC_DISCOVERY_NOT_OBJECT', { expected: 'a JSON object', actual, where: which }, ctx)
        : finding('OIDC_JWKS_INVALID', { expected: 'a JSON object with a "keys" array', actual, where: which }, ctx),
    )
  }
  return { ok: true, value: value as Record<string, unknown> }
}

export const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string')
