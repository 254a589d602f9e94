import { usageError } from '../../errors'
import { checkResponse } from '../../jobs/check-response'
import { COMMON_FLAGS, nowFlag, parseArgs, stringFlag, urlFlag } from '../args'
import type { Command } from '../command'
import { readInputFile } from '../io'
import { emitReport } from '../output'
import { resolveProfile } from '../profile'

const FLAGS = {
  ...COMMON_FLAGS,
  'idp-metadata': { type: 'string' },
  'sp-entity-id': { type: 'string' },
  'acs-url': { type: 'string' },
  'request-id': { type: 'string' },
} as const

export const responseCommand: Command = {
  name: 'response',
  usage:
    'response <file> --idp-metadata <file> [--profile P] [--sp-entity-id ID] [--acs-url URL] [--request-id ID] [--now ISO] [--json]',
  summary:
    'Validate a captured SAML response (raw XML, base64 SAMLResponse value, or deflated redirect value) as the vendor would.',
  async run(argv, io) {
    const args = parseArgs(argv, FLAGS, { min: 1, max: 1, name: 'response file' })
    const metadataFile = stringFlag(args, 'idp-metadata')
    if (!metadataFile)
      throw usageError('--idp-metadata <file> is required (the IdP metadata holds the certificates to verify with)')
    const file = args.positional[0]!
    const response = await readInputFile(io, file, 'response file')
    const metadataXml = await readInputFile(io, metadataFile, 'metadata file')
    const profile = await resolveProfile(io, stringFlag(args, 'profile'))
    const { report } = await checkResponse({
      response,
      responseName: file,
      idpMetadata: { kind: 'xml', text: metadataXml, name: metadataFile },
      profile,
      now: nowFlag(args) ?? new Date(),
      spEntityId: stringFlag(args, 'sp-entity-id'),
      acsUrl: urlFlag(args, 'acs-url'),
      requestId: stringFlag(args, 'request-id'),
    })
    return emitReport(io, report, args.flags.json === true)
  },
}
