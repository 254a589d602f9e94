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
  external: ['@electric-sql/pglite', 'pg', 'pg-native'],
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  sourcemap: false,
  logLevel: ifPossible ? 'silent' : 'warning',
})
} catch (err) {
  if (!ifPossible) throw err
  console.error(`build-cli: dist/cli.mjs not built (${err.message.split('\n')[0]}); run npm run build:cli`)
}
