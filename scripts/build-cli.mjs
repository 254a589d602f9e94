// Bundles the CLI into dist/cli.mjs so each call starts plain JavaScript (no TypeScript compile per call).
import { build } from 'esbuild'
import { existsSync } from 'node:fs'

if (!existsSync('lib/cli/main.ts')) {
  console.error('build-cli: lib/cli/main.ts not present yet; skipping')
  process.exit(0)
}
// `prepare` (after npm ci / npm install) must not fail the install: it passes --if-possible and only warns.
const ifPossible = process.argv.includes('--if-possible')
try {
await build({
  entryPoints: ['lib/cli/main.ts'],
  outfile: 'dist/cli.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies are bundled too: each ESM file Node resolves and loads separately costs start-up time (zod and jose
  // as separate files cost ~200 ms per call), and CI runs the CLI thousands of times. CommonJS dependencies still
  // call require(), which an ES module lacks: the banner provides it.
  // PGlite loads its WebAssembly and data files from beside its own module, and pg has an optional native part:
  // both stay packages, loaded only by the commands that open a database.
  // oidc-provider (with Koa) and xml-crypto serve only `mock-idp`, which imports them dynamically: left as packages,
  // they cost nothing to the other commands (bundled, their code would be parsed on every call).
  external: ['@electric-sql/pglite', 'pg', 'pg-native', 'oidc-provider', 'xml-crypto'],
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  sourcemap: false,
  logLevel: ifPossible ? 'silent' : 'warning',
})
// The analysis worker (lib/budget): a plain JavaScript entry that the CLI and the Next.js server start with a time and
// memory budget (the app is bundled by Next.js, so it cannot point a worker at a TypeScript file).
if (existsSync('lib/budget/worker-entry.ts')) {
  await build({
    entryPoints: ['lib/budget/worker-entry.ts'],
    outfile: 'dist/analysis-worker.mjs',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: false,
    logLevel: ifPossible ? 'silent' : 'warning',
  })
}
} catch (err) {
  if (!ifPossible) throw err
  console.error(`build-cli: dist/cli.mjs not built (${err.message.split('\n')[0]}); run npm run build:cli`)
}
