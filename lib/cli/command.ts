import type { CliIo } from './io'

/** One `sso-preflight <name>` command. `run` returns the exit code: 0 no error findings, 1 errors, 2 usage. */
export interface Command {
  readonly name: string
  readonly usage: string
  readonly summary: string
  run(argv: readonly string[], io: CliIo): Promise<number>
}
