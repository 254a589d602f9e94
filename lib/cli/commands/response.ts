import { checkContext } from '../../context'
import { usageError } from '../../errors'
import { buildReport } from '../../findings/report'
import { parseIdpMetadata, toIdpTrust } from '../../saml/metadata/index'
import { validateSamlResponse } from '../../saml/response/index'
import { COMMON_FLAGS, nowFlag, parseArgs, stringFlag, urlFlag } from '../args'
import type { Command } from '../command'
import { readInputFile } from '../io'
import { emitReport } from '../output'
import { resolveProfile } from '../profile'

const FLAGS = { ...COMMON_FLAGS, 'idp-metadata': { type: 'string' }, 'sp-entity-id': { type: 'string' }, 'acs-url': { type: 'string' }, 'request-id': { type: 'string' } } as const

export const responseCommand: Command = {
  name: 'response',
  usage: 'response <file> --idp-metadata <file> [--profile P] [--sp-entity-id ID] [--acs-url URL] [--request-id ID] [--now ISO] [--json]',
  summary: 'Validate a captured SAML response (raw XML, base64 SAMLResponse value, or deflated redirect value) as the vendor would.',
  async run(argv, io) {
    const args = parseArgs(argv, FLAGS, { min: 1, max: 1, name: 'response file' })
    const metadataFile = stringFlag(args, 'idp-metadata')
    if (!metadataFile) throw usageError('--idp-metadata <file> is required (the IdP metadata holds the certificates to verify with)')
    const responseText = await readInputFile(io, args.positional[0]!, 'response file')
    const metadataXml = await readInputFile(io, metadataFile, 'metadata file')
    const profile = await resolveProfile(io, stringFlag(args, 'profile'))
    const now = nowFlag(args) ?? new Date()
    const json = args.flags.json === true
    const md = parseIdpMetadata(metadataXml)
    if (!md.ok) {
      return emitReport(io, buildReport({ subject: { kind: 'saml-response', idp: 'other', source: args.positional[0] }, profile: profile.id, now, findings: md.findings }), json)
    }
    const trust = toIdpTrust(md.value)
    const ctx = checkContext({ profile, now, idp: trust.kind, spEntityId: stringFlag(args, 'sp-entity-id'), acsUrl: urlFlag(args, 'acs-url') })
    const report = validateSamlResponse({ response: responseText }, trust, { ctx, requestId: stringFlag(args, 'request-id'), source: args.positional[0] })
    return emitReport(io, report, json)
  },
}
