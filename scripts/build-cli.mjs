// Bundles the CLI into dist/cli.mjs so each call starts plain JavaScript (no TypeScript compile per call).
import { build } from 'esbuild'
import { existsSync } from 'node:fs'

if (!existsSync('lib/cli/main.ts')) {
  console.error('build-cli: lib/cli/main.ts not present yet; skipping')
  process.exit(0)
}
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
  logLevel: 'warning',
})
