import { checkOidc } from '../../jobs/check-oidc'
import { COMMON_FLAGS, nowFlag, parseArgs, stringFlag, urlFlag } from '../args'
import type { Command } from '../command'
import { isUrlArgument, readInputFile } from '../io'
import { emitReport } from '../output'
import { resolveProfile } from '../profile'

const FLAGS = {
  ...COMMON_FLAGS,
  issuer: { type: 'string' },
  jwks: { type: 'string' },
  'client-id': { type: 'string' },
  'redirect-uri': { type: 'string' },
} as const

export const oidcCommand: Command = {
  name: 'oidc',
  usage:
    'oidc <issuer-url|discovery.json> [--issuer URL] [--jwks file.json] [--client-id ID] [--redirect-uri URL] [--profile P] [--now ISO] [--json]',
  summary:
    'Check an OpenID Connect configuration: issuer, endpoints, signing keys, PKCE, scopes, and your client values.',
  async run(argv, io) {
    const args = parseArgs(argv, FLAGS, { min: 1, max: 1, name: 'issuer URL or discovery file' })
    const arg = args.positional[0]!
    // OIDC is checked under the generic profile unless one is named: the vendor profile would only say "SAML only".
    const profile = await resolveProfile(io, stringFlag(args, 'profile'), 'generic')
    const jwksFile = stringFlag(args, 'jwks')
    const jwks = jwksFile ? await readInputFile(io, jwksFile, 'JWKS file') : undefined
    const source = isUrlArgument(arg)
      ? { kind: 'url' as const, url: arg }
      : { kind: 'json' as const, text: await readInputFile(io, arg, 'discovery file'), name: arg }
    const { report } = await checkOidc({
      source,
      jwks,
      profile,
      now: nowFlag(args) ?? new Date(),
      expectedIssuer: urlFlag(args, 'issuer'),
      clientId: stringFlag(args, 'client-id'),
      redirectUri: stringFlag(args, 'redirect-uri'),
    })
    return emitReport(io, report, args.flags.json === true)
  },
}
