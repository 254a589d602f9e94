import type { Finding } from '../findings/types'
import { safeFetch } from '../net/safe-fetch'
import type { SafeFetchOptions } from '../net/types'

/**
 * Where a document comes from: its text (read by the face from a file, a paste or a form) or a URL that the job
 * fetches through lib/net. `name` is how the report's subject names the text ("pasted text", a file path).
 */
export type DocumentSource<K extends 'xml' | 'json'> =
  { readonly kind: K; readonly text: string; readonly name?: string } | { readonly kind: 'url'; readonly url: string }

/** Text of a source, with what the fetch noticed on the way (e.g. NET_NOT_HTTPS); or why there is none. */
export type ReadSource =
  | { readonly ok: true; readonly text: string; readonly name?: string; readonly findings: readonly Finding[] }
  | { readonly ok: false; readonly name: string; readonly findings: readonly Finding[] }

/** Reads a source: text as given, a URL through the one SSRF-safe fetch (refusals and failures are findings). */
export async function readSource(
  source: DocumentSource<'xml' | 'json'>,
  fetchOpts: SafeFetchOptions = {},
): Promise<ReadSource> {
  if (source.kind !== 'url')
    return { ok: true, text: source.text, ...(source.name !== undefined ? { name: source.name } : {}), findings: [] }
  const fetched = await safeFetch(source.url, fetchOpts)
  if (!fetched.ok) return { ok: false, name: source.url, findings: fetched.findings }
  return { ok: true, text: fetched.body, name: source.url, findings: fetched.findings }
}
