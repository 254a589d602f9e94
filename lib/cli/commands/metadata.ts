import { checkMetadata } from '../../jobs/check-metadata'
import { COMMON_FLAGS, nowFlag, parseArgs, stringFlag, urlFlag } from '../args'
import type { Command } from '../command'
import { isUrlArgument, readInputFile } from '../io'
import { emitReport } from '../output'
import { resolveProfile } from '../profile'

const FLAGS = {
  ...COMMON_FLAGS,
  'sp-entity-id': { type: 'string' },
  'acs-url': { type: 'string' },
  'sign-on-url': { type: 'string' },
} as const

export const metadataCommand: Command = {
  name: 'metadata',
  usage:
    'metadata <file|url> [--profile <id>|<file.json>] [--sp-entity-id ID] [--acs-url URL] [--sign-on-url URL] [--now ISO] [--json]',
  summary:
    "Check an IdP's SAML metadata: entity ID, endpoints, certificates, and what you configured against the vendor profile.",
  async run(argv, io) {
    const args = parseArgs(argv, FLAGS, { min: 1, max: 1, name: 'metadata file or URL' })
    const arg = args.positional[0]!
    const profile = await resolveProfile(io, stringFlag(args, 'profile'))
    const source = isUrlArgument(arg)
      ? { kind: 'url' as const, url: arg }
      : { kind: 'xml' as const, text: await readInputFile(io, arg, 'metadata file'), name: arg }
    const { report } = await checkMetadata({
      source,
      profile,
      now: nowFlag(args) ?? new Date(),
      spEntityId: stringFlag(args, 'sp-entity-id'),
      acsUrl: urlFlag(args, 'acs-url'),
      signOnUrl: urlFlag(args, 'sign-on-url'),
    })
    return emitReport(io, report, args.flags.json === true)
  },
}
