import { PreflightError } from '../errors'
import type { Command } from './command'
import { COMMANDS } from './commands/index'
import { takeFormatFlag } from './format'
import { processIo, type CliIo } from './io'

function usage(commands: readonly Command[]): string {
  return [
    'Usage: sso-preflight <command> [options]',
    '',
    ...commands.map((c) => `  ${c.usage}\n      ${c.summary}`),
    '',
    'Every command takes --format json|text|markdown|junit|github (--json is --format json).',
    'Exit codes: 0 no error findings, 1 at least one error finding, 2 usage error.',
    '',
  ].join('\n')
}

/** Dispatches by command name. ERR_USAGE becomes one stderr line and exit 2; anything else is our bug and crashes loudly. */
export async function main(argv: readonly string[], io: CliIo = processIo, commands: readonly Command[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    ;(name ? io.stdout : io.stderr).write(usage(commands))
    return name ? 0 : 2
  }
  const command = commands.find((c) => c.name === name)
  if (!command) {
    io.stderr.write(`sso-preflight: unknown command ${JSON.stringify(name)} (try --help)\n`)
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`Usage: sso-preflight ${command.usage}\n${command.summary}\n`)
    return 0
  }
  try {
    const { format, rest: args } = takeFormatFlag(rest)
    return await command.run(args, format ? { ...io, format } : io)
  } catch (err) {
    if (err instanceof PreflightError && err.code === 'ERR_USAGE') {
      io.stderr.write(`sso-preflight ${command.name}: ${err.message}\n`)
      return 2
    }
    throw err
  }
}

// Run when executed as the bundled bin (dist/cli.mjs) or directly with tsx.
const invokedDirectly = typeof process !== 'undefined' && process.argv[1] !== undefined &&
  /(?:^|[\\/])(?:cli\.mjs|main\.ts|sso-preflight)$/.test(process.argv[1])
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code },
    (err: unknown) => { console.error(err); process.exitCode = 70 },
  )
}
