import { config as zodConfig } from 'zod'
import { PreflightError } from '../errors'
import { terminalText } from '../findings/sanitize'
import type { Command } from './command'
import { COMMANDS, type CommandEntry } from './commands/index'
import { takeFormatFlag } from './format'
import { takeMaskFlag } from './mask'
import { processIo, type CliIo } from './io'

function usage(commands: readonly Command[]): string {
  return [
    'Usage: sso-preflight <command> [options]',
    '',
    ...commands.map((c) => `  ${c.usage}\n      ${c.summary}`),
    '',
    'Every command takes --format json|text|markdown|junit|github (--json is --format json).',
    'Reports show the NameID and attribute values as read; --mask masks personal values for sharing.',
    'Exit codes: 0 no error findings, 1 at least one error finding, 2 usage error.',
    '',
  ].join('\n')
}

/** Dispatches by command name. ERR_USAGE becomes one stderr line and exit 2; anything else is our bug and crashes loudly. */
export async function main(
  argv: readonly string[],
  io: CliIo = processIo,
  commands: readonly CommandEntry[] = COMMANDS,
): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    ;(name ? io.stdout : io.stderr).write(usage(await Promise.all(commands.map((c) => c.load()))))
    return name ? 0 : 2
  }
  const entry = commands.find((c) => c.name === name)
  if (!entry) {
    io.stderr.write(`sso-preflight: unknown command ${terminalText(JSON.stringify(name))} (try --help)\n`)
    return 2
  }
  // Only this command's module (and its dependencies) is loaded.
  const command = await entry.load()
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`Usage: sso-preflight ${command.usage}\n${command.summary}\n`)
    return 0
  }
  try {
    const { mask, rest: unmasked } = takeMaskFlag(rest)
    const { format, rest: args } = takeFormatFlag(unmasked)
    return await command.run(args, { ...io, ...(format ? { format } : {}), ...(mask ? { mask } : {}) })
  } catch (err) {
    if (err instanceof PreflightError && err.code === 'ERR_USAGE') {
      io.stderr.write(`sso-preflight ${command.name}: ${terminalText(err.message)}\n`)
      return 2
    }
    throw err
  }
}

// Run when executed as the bundled bin (dist/cli.mjs) or directly with tsx.
const invokedDirectly =
  typeof process !== 'undefined' &&
  process.argv[1] !== undefined &&
  /(?:^|[\\/])(?:cli\.mjs|main\.ts|sso-preflight)$/.test(process.argv[1])
if (invokedDirectly) {
  // A CLI call parses each schema about once: zod's JIT (it compiles an object schema's parser with new Function on
  // first use) costs more than it saves there, measured at several ms per call.
  zodConfig({ jitless: true })
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (err: unknown) => {
      console.error(err)
      process.exitCode = 70
    },
  )
}
