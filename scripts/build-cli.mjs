// Bundles the CLI into dist/cli.mjs so each call starts plain JavaScript (no TypeScript compile per call).
import { build } from 'esbuild'
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'

if (!existsSync('lib/cli/main.ts')) {
  console.error('build-cli: lib/cli/main.ts not present yet; skipping')
  process.exit(0)
}
// `prepare` (after npm ci / npm install) must not fail the install: it passes --if-possible and only warns.
const ifPossible = process.argv.includes('--if-possible')

/**
 * `import { z } from 'zod'` hands the bundler zod's whole namespace object as one value, so every schema kind, the
 * JSON-schema converters and all 40-odd locales end up in the bundle (~750 KB, parsed on every call). Read as
 * `import * as z from 'zod'`, each `z.object` / `z.string` is a static reference the bundler can follow, and only
 * what the code uses is kept. Same code, same runtime behaviour: only the binding form changes.
 */
const zodNamespaceImport = {
  name: 'zod-namespace-import',
  setup(b) {
    b.onLoad({ filter: /[\\/]lib[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8')
      return { contents: source.replace(/^import \{ z \} from 'zod'$/m, "import * as z from 'zod'"), loader: 'ts' }
    })
  },
}
/**
 * The commands reach lib through its public API, lib/index.ts, a barrel re-exporting every job. esbuild keeps every
 * module a bundle imports unless it knows the module has no side effects on import, and a module whose top level
 * builds zod schemas looks like it has some: through the barrel, each command would load all of lib. No lib module is
 * imported for its side effects (none has a bare `import './x'`), so they are all declared free of them: a command's
 * chunk then holds only what it uses.
 */
const libWithoutSideEffects = {
  name: 'lib-without-side-effects',
  setup(b) {
    b.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData?.resolving || !/[\\/]lib[\\/]/.test(args.importer)) return undefined
      const r = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { resolving: true },
      })
      if (r.errors.length > 0 || !/[\\/]lib[\\/].*\.ts$/.test(r.path)) return undefined
      return { path: r.path, sideEffects: false }
    })
  },
}
try {
  // Chunks of an earlier build would pile up (their names carry a content hash): start from an empty chunk directory.
  rmSync('dist/cli', { recursive: true, force: true })
  const cli = await build({
    // dist/cli.mjs is the entry (the bin); each command's code and dependencies are separate chunks under dist/cli/,
    // loaded by the command's dynamic import only when it runs (lib/cli/commands/index.ts): a `metadata` call does not
    // parse the mock IdP, the HAR reader or the OIDC client. Chunks shared by several commands (zod, the report) are
    // chunks of their own.
    entryPoints: { cli: 'lib/cli/main.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'cli/[name]-[hash]',
    metafile: process.argv.includes('--metafile'),
    plugins: [zodNamespaceImport, libWithoutSideEffects],
    // Fewer bytes to read, decode and compile on every call; names are kept, so a crash's stack trace stays readable.
    minifyWhitespace: true,
    minifySyntax: true,
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
    // Playwright drives `login --driver chromium` only; it stays a package (optional for users), loaded by that driver.
    external: [
      '@electric-sql/pglite',
      'pg',
      'pg-native',
      'oidc-provider',
      'xml-crypto',
      'playwright-core',
      'playwright',
      '@playwright/test',
    ],
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
    sourcemap: false,
    logLevel: ifPossible ? 'silent' : 'warning',
  })
  // `--metafile`: what each chunk holds (inspect with esbuild's analyzer), to see what a command's start-up parses.
  if (cli.metafile) writeFileSync('dist/cli-meta.json', JSON.stringify(cli.metafile))
  // Plain JavaScript entries for what runs outside the bundles (Next.js bundles the app itself, so neither a worker
  // nor the team server can load a TypeScript file):
  //  - the analysis worker (lib/budget), which the CLI and the Next.js server start with a time and memory budget;
  //  - the request policy for the team server (scripts/serve-team.mjs), which refuses a body before Next.js reads it.
  const serverEntries = [
    ['lib/budget/worker-entry.ts', 'dist/analysis-worker.mjs'],
    ['app/_server/early-refusal.ts', 'dist/early-refusal.mjs'],
  ]
  for (const [entry, outfile] of serverEntries) {
    await build({
      entryPoints: [entry],
      outfile,
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
