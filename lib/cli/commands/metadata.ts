import { buildReport } from '../../findings/report'
import { safeFetch } from '../../net/index'
import { analyzeSamlMetadata } from '../../saml/metadata/index'
import { COMMON_FLAGS, nowFlag, parseArgs, stringFlag, urlFlag } from '../args'
import type { Command } from '../command'
import { isUrlArgument, readInputFile } from '../io'
import { emitReport } from '../output'
import { resolveProfile } from '../profile'

const FLAGS = { ...COMMON_FLAGS, 'sp-entity-id': { type: 'string' }, 'acs-url': { type: 'string' }, 'sign-on-url': { type: 'string' } } as const

export const metadataCommand: Command = {
  name: 'metadata',
  usage: 'metadata <file|url> [--profile <id>|<file.json>] [--sp-entity-id ID] [--acs-url URL] [--sign-on-url URL] [--now ISO] [--json]',
  summary: 'Check an IdP\'s SAML metadata: entity ID, endpoints, certificates, and what you configured against the vendor profile.',
  async run(argv, io) {
    const args = parseArgs(argv, FLAGS, { min: 1, max: 1, name: 'metadata file or URL' })
    const source = args.positional[0]!
    const profile = await resolveProfile(io, stringFlag(args, 'profile'))
    const now = nowFlag(args) ?? new Date()
    const opts = {
      profile, now,
      spEntityId: stringFlag(args, 'sp-entity-id'),
      acsUrl: urlFlag(args, 'acs-url'),
      signOnUrl: urlFlag(args, 'sign-on-url'),
    }
    let xml: string
    if (isUrlArgument(source)) {
      const fetched = await safeFetch(source)
      if (!fetched.ok) {
        return emitReport(io, buildReport({ subject: { kind: 'saml-metadata', idp: 'other', source }, profile: profile.id, now, findings: fetched.findings }), args.flags.json === true)
      }
      xml = fetched.body
    } else {
      xml = await readInputFile(io, source, 'metadata file')
    }
    return emitReport(io, analyzeSamlMetadata({ xml, source }, opts), args.flags.json === true)
  },
}
