import { z } from 'zod'
import { usageError } from '../errors'

export const ReportFormatSchema = z.enum(['json', 'text', 'markdown', 'junit', 'github'])
export type ReportFormat = z.infer<typeof ReportFormatSchema>

/**
 * `--format F` (or `--format=F`) is the same for every command, so it is taken out of the arguments once, before the
 * command parses the rest. `--json` stays the short form of `--format json`.
 */
export function takeFormatFlag(argv: readonly string[]): { format: ReportFormat | undefined; rest: string[] } {
  const rest: string[] = []
  let format: ReportFormat | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') {
      rest.push(...argv.slice(i))
      break
    }
    let value: string | undefined
    if (arg === '--format') {
      value = argv[++i]
      if (value === undefined) throw usageError('--format expects one of json, text, markdown, junit, github')
    } else if (arg.startsWith('--format=')) value = arg.slice('--format='.length)
    else {
      rest.push(arg)
      continue
    }
    const parsed = ReportFormatSchema.safeParse(value)
    if (!parsed.success)
      throw usageError(`--format expects one of json, text, markdown, junit, github, got ${JSON.stringify(value)}`)
    format = parsed.data
  }
  return { format, rest }
}
