import type { Command } from '../command'

/** A command by name; its module (and everything it imports) loads only when the command runs or `--help` lists it. */
export interface CommandEntry {
  readonly name: string
  load(): Promise<Command>
}

/**
 * Every command, in the order `--help` lists them. Add a command: one entry. Each is a dynamic import, so the bundled
 * CLI (split into chunks by scripts/build-cli.mjs) parses only the code of the command it runs: CI calls it thousands
 * of times, and a command's start-up should not pay for the others' dependencies.
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'metadata', load: async () => (await import('./metadata')).metadataCommand },
  { name: 'oidc', load: async () => (await import('./oidc')).oidcCommand },
  { name: 'response', load: async () => (await import('./response')).responseCommand },
  { name: 'token', load: async () => (await import('./token')).tokenCommand },
  { name: 'explain', load: async () => (await import('./explain')).explainCommand },
  { name: 'har', load: async () => (await import('./har')).harCommand },
  { name: 'login', load: async () => (await import('./login')).loginCommand },
  { name: 'watch', load: async () => (await import('./watch')).watchCommand },
  { name: 'mock-idp', load: async () => (await import('./mock-idp')).mockIdpCommand },
]
