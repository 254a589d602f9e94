// The faces (CLI commands, pages, route handlers, server actions) only parse input, call lib and render. They reach
// lib through its public API, lib/index.ts, so a pipeline is built once, in lib/jobs, and every face gets the same one.
// This scans every import specifier of lib/cli/commands/*.ts and app/**/*.ts(x).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, test } from 'vitest'

const ROOT = join(__dirname, '..')

/*
 * What a face may import from lib besides lib/index.ts, and why:
 * - lib/store, lib/budget, lib/testlogin, lib/mock-idp, lib/ops, lib/team are I/O faces of their own (the database, the worker
 *   that bounds CPU and memory, the test-login flows with their cookies and redirects, the mock IdP server, the
 *   process's metrics, request log and shutdown, team sign-in with its cookies and sealed transactions), not pipelines
 *   a face could rebuild; lib/index.ts re-exports the pure parts of some of them.
 * - the lib/findings, lib/profiles and lib/idps barrels (the folder itself, never a file inside it): the Report model, its
 *   rendering, the profile data and the IdP packs, pure and free of Node modules. lib/index.ts re-exports both whole; client
 *   components import them directly because the lib/index barrel would pull node:crypto and lib/net into the
 *   browser bundle.
 * - lib/cli/* for the CLI commands: the CLI's own argument parsing, file reading and output (the face itself).
 * - for the CLI commands, the public API's own files rather than its barrel: lib/jobs/<job> (each whole job, which
 *   lib/index.ts re-exports) and lib/errors. The CLI is bundled with one chunk per command, and esbuild assigns
 *   modules to chunks by the files they import, not by what they use: through the barrel, every command would load
 *   all of lib on every call (measured: +94 ms and 62.7 MB for `metadata`, against +75 ms and 58.6 MB this way).
 */
const IO_FACES = ['lib/store', 'lib/budget', 'lib/testlogin', 'lib/mock-idp', 'lib/ops', 'lib/team']
const PURE_BARRELS = ['lib/findings', 'lib/profiles', 'lib/idps']

interface Import {
  readonly spec: string
  readonly typeOnly: boolean
}

function importsOf(source: string): Import[] {
  const out: Import[] = []
  for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm))
    out.push({ spec: m[3]!, typeOnly: m[2] !== undefined })
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1]!, typeOnly: false })
  return out
}

/** The repository path an import lands on (lib/…), or undefined when it is a package or outside lib. */
function libPath(spec: string, file: string): string | undefined {
  const p = spec.startsWith('@/')
    ? spec.slice(2)
    : spec.startsWith('.')
      ? relative(ROOT, resolve(dirname(file), spec))
      : undefined
  if (p === undefined) return undefined
  const path = p
    .replace(/\\/g, '/')
    .replace(/\.(tsx?|js)$/, '')
    .replace(/\/index$/, '')
  return path === 'lib' || path.startsWith('lib/') ? path : undefined
}

/** Why the import breaks the rule, or undefined when it keeps it. */
function violation(imp: Import, file: string, face: 'cli' | 'app', isClient: boolean): string | undefined {
  const path = libPath(imp.spec, file)
  if (path === undefined) return undefined
  if (path === 'lib')
    return isClient && !imp.typeOnly
      ? 'a client component takes values from lib/index (Node modules in the browser bundle): import type, or a pure barrel'
      : undefined
  if (IO_FACES.some((f) => path === f || path.startsWith(`${f}/`))) return undefined
  if (PURE_BARRELS.includes(path)) return undefined
  if (face === 'cli' && (path.startsWith('lib/cli/') || path.startsWith('lib/jobs/') || path === 'lib/errors'))
    return undefined
  return `${imp.spec} reaches into ${path}: call the public API (lib/index.ts) instead`
}

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n)
      return statSync(p).isDirectory() ? filesUnder(p, keep) : keep(n) ? [p] : []
    })
}

const isSource = (n: string) => /\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n)
const faces: { file: string; face: 'cli' | 'app' }[] = [
  ...filesUnder(join(ROOT, 'lib', 'cli', 'commands'), isSource).map((file) => ({ file, face: 'cli' as const })),
  ...filesUnder(join(ROOT, 'app'), isSource).map((file) => ({ file, face: 'app' as const })),
]

describe('faces call lib through its public API only', () => {
  test('the scan sees the faces and tells an internal import from a public one', () => {
    expect(faces.filter((f) => f.face === 'cli').length).toBeGreaterThan(5)
    expect(faces.filter((f) => f.face === 'app').length).toBeGreaterThan(40)
    const cliFile = join(ROOT, 'lib', 'cli', 'commands', 'x.ts'),
      appFile = join(ROOT, 'app', 'check', 'x.ts')
    expect(violation({ spec: '../../saml/metadata/index', typeOnly: false }, cliFile, 'cli', false)).toMatch(
      /lib\/saml\/metadata/,
    )
    expect(violation({ spec: '../../index', typeOnly: false }, cliFile, 'cli', false)).toBeUndefined()
    expect(violation({ spec: '../args', typeOnly: false }, cliFile, 'cli', false)).toBeUndefined()
    expect(violation({ spec: '@/lib/findings/report', typeOnly: true }, appFile, 'app', false)).toMatch(
      /lib\/findings\/report/,
    )
    expect(violation({ spec: '@/lib/findings', typeOnly: false }, appFile, 'app', false)).toBeUndefined()
    expect(violation({ spec: '@/lib/store/mask', typeOnly: false }, appFile, 'app', false)).toBeUndefined()
    expect(violation({ spec: '../../lib/net/safe-fetch', typeOnly: false }, appFile, 'app', false)).toMatch(/lib\/net/)
    expect(violation({ spec: '@/lib', typeOnly: false }, appFile, 'app', true)).toMatch(/client component/)
    expect(
      importsOf(
        `import {\n  a,\n  type B,\n} from '@/lib/x'\nimport type { C } from "./c"\nconst d = await import('../../y')`,
      ).map((i) => i.spec),
    ).toEqual(['@/lib/x', './c', '../../y'])
  })
  test.each(faces.map((f) => [relative(ROOT, f.file), f] as const))('%s', (_name, { file, face }) => {
    const source = readFileSync(file, 'utf8')
    const isClient = /^\s*['"]use client['"]/.test(source)
    const problems = importsOf(source).flatMap((imp) => violation(imp, file, face, isClient) ?? [])
    expect(problems).toEqual([])
  })
})
