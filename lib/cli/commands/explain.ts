import { usageError } from '../../errors'
import { IDP_IDS, type IdpId } from '../../idps/index'
import { explain } from '../../jobs/explain'
import { COMMON_FLAGS, nowFlag, parseArgs, stringFlag } from '../args'
import type { Command } from '../command'
import { emitReport } from '../output'

const FLAGS = {
  json: COMMON_FLAGS.json,
  now: COMMON_FLAGS.now,
  help: COMMON_FLAGS.help,
  idp: { type: 'string' },
} as const
const IDPS: readonly string[] = IDP_IDS

export const explainCommand: Command = {
  name: 'explain',
  usage: 'explain <code or error text> [--idp entra|okta|...] [--json]',
  summary:
    'Explain an AADSTS / Okta / SAML status code or a pasted error message: meaning, who fixes it, fastest next step.',
  async run(argv, io) {
    const args = parseArgs(argv, FLAGS, { min: 1, max: 10_000, name: 'error code or text' })
    const idp = stringFlag(args, 'idp')
    if (idp !== undefined && !IDPS.includes(idp)) throw usageError(`--idp must be one of ${IDPS.join(', ')}`)
    // Unquoted text arrives as several arguments: it is one message.
    const report = explain(args.positional.join(' '), { now: nowFlag(args), ...(idp ? { idp: idp as IdpId } : {}) })
    return emitReport(io, report, args.flags.json === true)
  },
}
