import type { Parsed } from '../../context'
import { finding } from '../../findings/finding'
import { HarSchema, type Har } from './schema'

/** 20 MB is the target size; a little more room, but not a whole day of browsing. */
export const DEFAULT_MAX_HAR_BYTES = 40 * 1024 * 1024

/** Reads a HAR as data: size-capped, JSON.parse (never evaluated), then the zod schema. Bad input is a finding. */
export function parseHar(text: string, o: { maxBytes?: number } = {}): Parsed<Har> {
  const max = o.maxBytes ?? DEFAULT_MAX_HAR_BYTES
  if (typeof text !== 'string' || text.trim() === '') {
    return {
      ok: false,
      findings: [finding('TRIAGE_HAR_INVALID', { expected: 'a HAR file (JSON with log.entries)', actual: '(empty)' })],
    }
  }
  if (text.length > max) {
    return {
      ok: false,
      findings: [
        finding('TRIAGE_HAR_TOO_LARGE', { expected: `at most ${max} characters`, actual: `${text.length} characters` }),
      ],
    }
  }
  let json: unknown
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (err) {
    return {
      ok: false,
      findings: [
        finding('TRIAGE_HAR_INVALID', {
          expected: 'valid JSON',
          actual: `not JSON (${(err as Error).message.slice(0, 80)})`,
        }),
      ],
    }
  }
  const har = HarSchema.safeParse(json)
  if (!har.success) {
    const issue = har.error.issues[0]
    return {
      ok: false,
      findings: [
        finding('TRIAGE_HAR_INVALID', {
          expected: 'HAR 1.2: log.entries[] with request and response',
          actual: issue ? `${issue.message} at ${issue.path.join('.') || '(root)'}` : 'invalid',
          where: issue?.path.join('.'),
        }),
      ],
    }
  }
  return { ok: true, value: har.data }
}
