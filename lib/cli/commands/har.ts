import { analyzeHarBounded } from '../../budget/index'
import { COMMON_FLAGS, nowFlag, parseArgs, stringFlag } from '../args'
import type { Command } from '../command'
import { readInputFile } from '../io'
import { emitReport } from '../output'
import { resolveProfile } from '../profile'

const FLAGS = { ...COMMON_FLAGS, 'idp-metadata': { type: 'string' } } as const

export const harCommand: Command = {
  name: 'har',
  usage: 'har <file.har> [--idp-metadata <file>] [--profile P] [--now ISO] [--json]',
  summary: 'Triage a browser HAR: SSO hops, SAML / OIDC errors, redirect loops, blocked cookies. Secrets are redacted.',
  async run(argv, io) {
    const args = parseArgs(argv, FLAGS, { min: 1, max: 1, name: 'HAR file' })
    const file = args.positional[0]!
    const text = await readInputFile(io, file, 'HAR file')
    const mdFile = stringFlag(args, 'idp-metadata')
    const idpMetadataXml = mdFile ? await readInputFile(io, mdFile, 'metadata file') : undefined
    const profile = await resolveProfile(io, stringFlag(args, 'profile'))
    const report = await analyzeHarBounded(text, {
      profile,
      now: nowFlag(args),
      source: file,
      ...(idpMetadataXml !== undefined ? { idpMetadataXml } : {}),
    })
    return emitReport(io, report, args.flags.json === true)
  },
}
