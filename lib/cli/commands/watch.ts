import { readFile, rename, writeFile } from 'node:fs/promises'
import { usageError } from '../../errors'
import type { Report } from '../../findings/index'
import { checkMetadata } from '../../jobs/check-metadata'
import { checkOidc } from '../../jobs/check-oidc'
import { watchReport, WatchSnapshotSchema, type WatchSnapshot } from '../../jobs/watch'
import { COMMON_FLAGS, nowFlag, parseArgs, stringFlag } from '../args'
import type { Command } from '../command'
import { readInputFile } from '../io'
import { emitReport } from '../output'
import { resolveProfile } from '../profile'

const FLAGS = {
  ...COMMON_FLAGS,
  state: { type: 'string' },
  oidc: { type: 'boolean' },
  jwks: { type: 'string' },
} as const

const isUrl = (s: string) => /^https?:\/\//i.test(s)

export const watchCommand: Command = {
  name: 'watch',
  usage:
    'watch <metadata file|URL> | --oidc <issuer URL|discovery.json> [--jwks file.json] [--state FILE] [--profile P] [--now ISO]',
  summary:
    "Re-check a configuration on a schedule: certificates expiring in 90 / 30 / 7 days, a new certificate published, content or verdict changed since the state file's last check.",
  async run(argv, io) {
    const args = parseArgs(argv, FLAGS, { min: 1, max: 1, name: 'metadata file or URL (or --oidc issuer)' })
    const source = args.positional[0]!
    const oidc = args.flags.oidc === true || /\/\.well-known\/openid-configuration$/.test(source)
    const profile = await resolveProfile(io, stringFlag(args, 'profile'), oidc ? 'generic' : undefined)
    const now = nowFlag(args) ?? new Date()
    const statePath = stringFlag(args, 'state')
    const previous = statePath ? await readState(statePath, source) : undefined

    let report: Report
    let contents: string[]
    if (oidc) {
      const jwksFile = stringFlag(args, 'jwks')
      const jwks = jwksFile ? await readInputFile(io, jwksFile, 'JWKS file') : undefined
      const given = isUrl(source)
        ? { kind: 'url' as const, url: source }
        : { kind: 'json' as const, text: await readInputFile(io, source, 'discovery file'), name: source }
      const checked = await checkOidc({ source: given, jwks, profile, now })
      if (!checked.documents) return emitReport(io, checked.report, args.flags.json === true)
      report = checked.report
      contents = [checked.documents.discovery, checked.documents.jwks ?? '']
    } else {
      const given = isUrl(source)
        ? { kind: 'url' as const, url: source }
        : { kind: 'xml' as const, text: await readInputFile(io, source, 'metadata file'), name: source }
      const checked = await checkMetadata({ source: given, profile, now })
      if (checked.xml === undefined) return emitReport(io, checked.report, args.flags.json === true)
      report = checked.report
      contents = [checked.xml]
    }

    const result = watchReport(report, { contents, ...(previous ? { previous } : {}) })
    if (statePath) await writeState(statePath, result.snapshot)
    return emitReport(io, result.report, args.flags.json === true)
  },
}

/** No state file yet is the first check; a state file for another source or a damaged one is a usage error. */
async function readState(path: string, source: string): Promise<WatchSnapshot | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw usageError(`state file ${JSON.stringify(path)} cannot be read`, err)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw usageError(`state file ${JSON.stringify(path)} is not JSON (delete it to start over)`)
  }
  const parsed = WatchSnapshotSchema.safeParse(json)
  if (!parsed.success)
    throw usageError(`state file ${JSON.stringify(path)} is not a watch state (delete it to start over)`)
  if (parsed.data.source !== source) {
    throw usageError(
      `state file ${JSON.stringify(path)} belongs to ${JSON.stringify(parsed.data.source)}, not ${JSON.stringify(source)}`,
    )
  }
  return parsed.data
}

/** Written to a temporary file and renamed, so a crash never leaves half a state file. */
async function writeState(path: string, snapshot: WatchSnapshot): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`
  await writeFile(tmp, JSON.stringify(snapshot, null, 2) + '\n', { mode: 0o600 })
  await rename(tmp, path)
}
