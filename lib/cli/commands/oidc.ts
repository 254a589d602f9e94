import { buildReport } from '../../findings/report'
import { analyzeOidcConfiguration, fetchOidcDocuments } from '../../oidc/index'
import { COMMON_FLAGS, nowFlag, parseArgs, stringFlag, urlFlag } from '../args'
import type { Command } from '../command'
import { isUrlArgument, readInputFile } from '../io'
import { emitReport } from '../output'
import { resolveProfile } from '../profile'

const FLAGS = { ...COMMON_FLAGS, issuer: { type: 'string' }, jwks: { type: 'string' }, 'client-id': { type: 'string' }, 'redirect-uri': { type: 'string' } } as const

export const oidcCommand: Command = {
  name: 'oidc',
  usage: 'oidc <issuer-url|discovery.json> [--issuer URL] [--jwks file.json] [--client-id ID] [--redirect-uri URL] [--profile P] [--now ISO] [--json]',
  summary: 'Check an OpenID Connect configuration: issuer, endpoints, signing keys, PKCE, scopes, and your client values.',
  async run(argv, io) {
    const args = parseArgs(argv, FLAGS, { min: 1, max: 1, name: 'issuer URL or discovery file' })
    const source = args.positional[0]!
    // OIDC is checked under the generic profile unless one is named: the vendor profile would only say "SAML only".
    const profile = await resolveProfile(io, stringFlag(args, 'profile'), 'generic')
    const now = nowFlag(args) ?? new Date()
    const expectedIssuer = urlFlag(args, 'issuer')
    const opts = { profile, now, expectedIssuer, clientId: stringFlag(args, 'client-id'), redirectUri: stringFlag(args, 'redirect-uri') }
    const jwksFile = stringFlag(args, 'jwks')
    let discovery: string
    let jwks = jwksFile ? await readInputFile(io, jwksFile, 'JWKS file') : undefined
    if (isUrlArgument(source)) {
      const fetched = await fetchOidcDocuments(source)
      if (fetched.discovery === undefined) {
        return emitReport(io, buildReport({ subject: { kind: 'oidc-discovery', idp: 'other', source }, profile: profile.id, now, findings: fetched.findings }), args.flags.json === true)
      }
      discovery = fetched.discovery
      jwks ??= fetched.jwks
      const report = analyzeOidcConfiguration({ discovery, jwks, source }, { ...opts, expectedIssuer: expectedIssuer ?? source.replace(/\/\.well-known\/openid-configuration$/, '') })
      const merged = fetched.findings.length
        ? buildReport({ subject: report.subject, profile: report.profile, now, findings: [...report.findings, ...fetched.findings], skipped: report.skipped, certificates: report.certificates, facts: report.facts })
        : report
      return emitReport(io, merged, args.flags.json === true)
    }
    discovery = await readInputFile(io, source, 'discovery file')
    return emitReport(io, analyzeOidcConfiguration({ discovery, jwks, source }, opts), args.flags.json === true)
  },
}
