import { readFile, rename, writeFile } from 'node:fs/promises'
import { usageError } from '../../errors'
import { buildReport, type Report } from '../../findings/report'
import { safeFetch } from '../../net/index'
import { analyzeOidcConfiguration, fetchOidcDocuments } from '../../oidc/index'
import { analyzeSamlMetadata } from '../../saml/metadata/index'
import { watchReport, WatchSnapshotSchema, type WatchSnapshot } from '../../watch/index'
import { COMMON_FLAGS, nowFlag, parseArgs, stringFlag } from '../args'
import type { Command } from '../command'
import { readInputFile } from '../io'
import { emitReport } from '../output'
import { resolveProfile } from '../profile'

const FLAGS = { ...COMMON_FLAGS, state: { type: 'string' }, oidc: { type: 'boolean' }, jwks: { type: 'string' } } as const

const isUrl = (s: string) => /^https?:\/\//i.test(s)

export const watchCommand: Command = {
  name: 'watch',
  usage: 'watch <metadata file|URL> | --oidc <issuer URL|discovery.json> [--jwks file.json] [--state FILE] [--profile P] [--now ISO]',
  summary: 'Re-check a configuration on a schedule: certificates expiring in 90 / 30 / 7 days, a new certificate published, content or verdict changed since the state file\'s last check.',
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
      let discovery: string | undefined
      let jwks = stringFlag(args, 'jwks') ? await readInputFile(io, stringFlag(args, 'jwks')!, 'JWKS file') : undefined
      let fetchFindings: Report['findings'] = []
      if (isUrl(source)) {
        const fetched = await fetchOidcDocuments(source)
        discovery = fetched.discovery
        jwks ??= fetched.jwks
        fetchFindings = fetched.findings
      } else discovery = await readInputFile(io, source, 'discovery file')
      if (discovery === undefined) {
        return emitReport(io, buildReport({ subject: { kind: 'oidc-discovery', idp: 'other', source }, profile: profile.id, now, findings: fetchFindings }), args.flags.json === true)
      }
      const analysed = analyzeOidcConfiguration({ discovery, jwks, source }, { profile, now })
      report = fetchFindings.length ? buildReport({ ...analysed, now, findings: [...analysed.findings, ...fetchFindings] }) : analysed
      contents = [discovery, jwks ?? '']
    } else {
      let xml: string
      if (isUrl(source)) {
        const fetched = await safeFetch(source)
        if (!fetched.ok) {
          return emitReport(io, buildReport({ subject: { kind: 'saml-metadata', idp: 'other', source }, profile: profile.id, now, findings: fetched.findings }), args.flags.json === true)
        }
        xml = fetched.body
      } else xml = await readInputFile(io, source, 'metadata file')
      report = analyzeSamlMetadata({ xml, source }, { profile, now })
      contents = [xml]
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
  if (!parsed.success) throw usageError(`state file ${JSON.stringify(path)} is not a watch state (delete it to start over)`)
  if (parsed.data.source !== source) {
    throw usageError(`state file ${JSON.stringify(path)} belongs to ${JSON.stringify(parsed.data.source)}, not ${JSON.stringify(source)}`)
  }
  return parsed.data
}

/** Written to a temporary file and renamed, so a crash never leaves half a state file. */
async function writeState(path: string, snapshot: WatchSnapshot): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`
  await writeFile(tmp, JSON.stringify(snapshot, null, 2) + '\n', { mode: 0o600 })
  await rename(tmp, path)
}
