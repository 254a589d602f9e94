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
  packages: 'external',
  banner: { js: '#!/usr/bin/env node' },
  sourcemap: false,
  logLevel: ifPossible ? 'silent' : 'warning',
})
} catch (err) {
  if (!ifPossible) throw err
  console.error(`build-cli: dist/cli.mjs not built (${err.message.split('\n')[0]}); run npm run build:cli`)
}
