import { usageError } from '../../errors'
import { checkToken } from '../../jobs/check-token'
import { COMMON_FLAGS, nowFlag, parseArgs, stringFlag, urlFlag } from '../args'
import type { Command } from '../command'
import { readInputFile } from '../io'
import { emitReport } from '../output'
import { resolveProfile } from '../profile'

const FLAGS = {
  ...COMMON_FLAGS,
  issuer: { type: 'string' },
  discovery: { type: 'string' },
  jwks: { type: 'string' },
  'client-id': { type: 'string' },
  nonce: { type: 'string' },
} as const

export const tokenCommand: Command = {
  name: 'token',
  usage:
    'token <id-token-file> (--issuer URL | --discovery file.json) --jwks <file> --client-id ID [--profile P] [--nonce N] [--now ISO] [--json]',
  summary:
    "Check a pasted ID token against the issuer's JWKS (never fetched from the token), client ID, nonce and required claims.",
  async run(argv, io) {
    const args = parseArgs(argv, FLAGS, { min: 1, max: 1, name: 'ID token file' })
    const issuer = urlFlag(args, 'issuer')
    const discoveryFile = stringFlag(args, 'discovery')
    if (!issuer && !discoveryFile)
      throw usageError('--issuer URL or --discovery file.json is required (the expected issuer)')
    const jwksFile = stringFlag(args, 'jwks')
    if (!jwksFile)
      throw usageError("--jwks <file> is required (the issuer's keys; keys are never fetched from the token)")
    const clientId = stringFlag(args, 'client-id')
    if (!clientId) throw usageError('--client-id ID is required')
    const token = await readInputFile(io, args.positional[0]!, 'ID token file')
    const jwks = await readInputFile(io, jwksFile, 'JWKS file')
    const discovery = discoveryFile ? await readInputFile(io, discoveryFile, 'discovery file') : undefined
    // OIDC is checked under the generic profile unless one is named (the vendor profile is SAML-only).
    const profile = await resolveProfile(io, stringFlag(args, 'profile'), 'generic')
    const { report } = await checkToken({
      token,
      jwks,
      clientId,
      issuer,
      discovery,
      nonce: stringFlag(args, 'nonce'),
      profile,
      now: nowFlag(args),
    })
    return emitReport(io, report, args.flags.json === true)
  },
}
