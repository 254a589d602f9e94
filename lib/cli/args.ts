import { parseArgs as nodeParseArgs } from 'node:util'
import { z } from 'zod'
import { usageError } from '../errors'

export type FlagSpec = Readonly<Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>>

export interface ParsedArgs {
  readonly positional: readonly string[]
  readonly flags: Readonly<Record<string, string | boolean | string[] | undefined>>
}

/** Strict flag parsing: an unknown flag, a missing value or a wrong positional count is ERR_USAGE (exit 2). */
export function parseArgs(
  argv: readonly string[],
  flags: FlagSpec,
  positionals: { min: number; max: number; name: string },
): ParsedArgs {
  let parsed: ReturnType<typeof nodeParseArgs>
  try {
    parsed = nodeParseArgs({ args: [...argv], options: { ...flags }, strict: true, allowPositionals: true })
  } catch (err) {
    throw usageError((err as Error).message.split('\n')[0] ?? 'invalid arguments', err)
  }
  const positional = parsed.positionals
  if (positional.length < positionals.min) throw usageError(`missing ${positionals.name}`)
  if (positional.length > positionals.max)
    throw usageError(`unexpected argument ${JSON.stringify(positional[positionals.max])}`)
  return { positional, flags: parsed.values as ParsedArgs['flags'] }
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name]
  return typeof v === 'string' ? v : undefined
}

const IsoDate = z.iso.datetime({ offset: true }).or(z.iso.date())

/** `--now ISO` fixes the clock for time checks. */
export function nowFlag(args: ParsedArgs): Date | undefined {
  const v = stringFlag(args, 'now')
  if (v === undefined) return undefined
  if (!IsoDate.safeParse(v).success) throw usageError(`--now expects an ISO 8601 date-time, got ${JSON.stringify(v)}`)
  return new Date(v)
}

const UrlFlag = z.url({ protocol: /^https?$/ })

export function urlFlag(args: ParsedArgs, name: string): string | undefined {
  const v = stringFlag(args, name)
  if (v === undefined) return undefined
  if (!UrlFlag.safeParse(v).success) throw usageError(`--${name} expects an http(s) URL, got ${JSON.stringify(v)}`)
  return v
}

export const COMMON_FLAGS = {
  json: { type: 'boolean' },
  now: { type: 'string' },
  profile: { type: 'string' },
  help: { type: 'boolean' },
} as const satisfies FlagSpec
