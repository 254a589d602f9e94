import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { CliIo } from '../lib/cli/io'
import { readFile } from 'node:fs/promises'

export const FIXTURES = join(__dirname, '..', '..', 'shared', 'fixtures')
export const REAL = join(FIXTURES, 'real')
export const PINNED_NOW = '2026-11-22T00:00:00Z'

export function filesUnder(dir: string, filter: (name: string) => boolean = () => true): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, filter))
    else if (filter(name)) out.push(p)
  }
  return out
}

/** An in-memory CLI io: what a command wrote, and the files it may read from disk. */
export function memoryIo(env: Record<string, string> = {}): CliIo & { out: () => string; err: () => string } {
  let out = '',
    err = ''
  return {
    stdout: {
      write: (s: string) => {
        out += s
        return true
      },
      isTTY: false,
    },
    stderr: {
      write: (s: string) => {
        err += s
        return true
      },
    },
    env,
    readFile: (p: string) => readFile(p, 'utf8'),
    out: () => out,
    err: () => err,
  }
}
