import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { inflateRawSync } from 'node:zlib'

/*
 * Test support (not product code): every XML document of the shared fixture corpus, decoded from .b64 / .base64
 * (HTTP-POST value, or raw DEFLATE + base64 as ruby-saml stores redirect values) where needed.
 */

/** Relative to the repository (tests run from its root; CI clones shared/ beside it). */
export const FIXTURES = resolve('../shared/fixtures')

export interface CorpusFile {
  readonly path: string
  readonly xml: string
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) walk(p, out)
    else out.push(p)
  }
}

/** Decodes a fixture file to XML text, or undefined when it is not XML (JSON, PEM, notes). */
export function decodeFixture(path: string): string | undefined {
  const raw = readFileSync(path)
  if (path.endsWith('.xml')) return raw.toString('utf8')
  if (!path.endsWith('.b64') && !path.endsWith('.base64')) return undefined
  const bytes = Buffer.from(raw.toString('latin1').replace(/\s+/g, ''), 'base64')
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '')
  if (text.trimStart().startsWith('<')) return text
  try {
    const inflated = inflateRawSync(bytes, { maxOutputLength: 4 * 1024 * 1024 }).toString('utf8')
    return inflated.trimStart().startsWith('<') ? inflated : undefined
  } catch {
    return undefined
  }
}

/** Every XML document under fixtures/real and fixtures/peer-suites, paths relative to the fixtures folder. */
export function loadCorpus(): CorpusFile[] {
  const files: string[] = []
  walk(join(FIXTURES, 'real'), files)
  walk(join(FIXTURES, 'peer-suites'), files)
  const out: CorpusFile[] = []
  for (const f of files) {
    const xml = decodeFixture(f)
    if (xml !== undefined) out.push({ path: relative(FIXTURES, f), xml })
  }
  return out
}
