import { buildReport, safeFetch, usageError } from '../../index'
import { headlessOidcLogin, headlessSamlLogin } from '../../testlogin/headless/index'
import { COMMON_FLAGS, nowFlag, parseArgs, stringFlag, urlFlag } from '../args'
import type { Command } from '../command'
import { readInputFile, type CliIo } from '../io'
import { emitReport } from '../output'
import { resolveProfile } from '../profile'

const FLAGS = {
  ...COMMON_FLAGS,
  'idp-metadata': { type: 'string' },
  'sp-entity-id': { type: 'string' },
  'acs-url': { type: 'string' },
  issuer: { type: 'string' },
  'client-id': { type: 'string' },
  'redirect-uri': { type: 'string' },
  scenario: { type: 'string' },
} as const

/** Credentials come from the environment only: flags end up in shell history and CI logs. */
function credentials(io: CliIo): { username?: string; password?: string } {
  return {
    ...(io.env.SSO_PREFLIGHT_USERNAME ? { username: io.env.SSO_PREFLIGHT_USERNAME } : {}),
    ...(io.env.SSO_PREFLIGHT_PASSWORD ? { password: io.env.SSO_PREFLIGHT_PASSWORD } : {}),
  }
}

export const loginCommand: Command = {
  name: 'login',
  usage:
    'login (--idp-metadata <file|url> --sp-entity-id ID --acs-url URL | --issuer URL --client-id ID --redirect-uri URL) [--scenario S] [--profile P]\n' +
    '      credentials from SSO_PREFLIGHT_USERNAME / SSO_PREFLIGHT_PASSWORD (and SSO_PREFLIGHT_CLIENT_SECRET for OIDC)',
  summary: 'Run a test login without a browser, as a CI step: sign in at the IdP with the test user from the environment, capture the IdP\'s answer and check it.',
  async run(argv, io) {
    const args = parseArgs(argv, FLAGS, { min: 0, max: 0, name: 'nothing' })
    const scenario = stringFlag(args, 'scenario')
    const issuer = urlFlag(args, 'issuer')
    if (issuer) {
      const clientId = stringFlag(args, 'client-id')
      const redirectUri = urlFlag(args, 'redirect-uri')
      if (!clientId) throw usageError('--client-id is required with --issuer')
      if (!redirectUri) throw usageError('--redirect-uri is required with --issuer')
      const profile = await resolveProfile(io, stringFlag(args, 'profile'), 'generic')
      const report = await headlessOidcLogin({
        issuer, clientId, redirectUri, profile, ...credentials(io),
        ...(io.env.SSO_PREFLIGHT_CLIENT_SECRET ? { clientSecret: io.env.SSO_PREFLIGHT_CLIENT_SECRET } : {}),
        ...(scenario ? { authorizeQuery: { scenario } } : {}),
      })
      return emitReport(io, report, args.flags.json === true)
    }
    const metadataSource = stringFlag(args, 'idp-metadata')
    const spEntityId = stringFlag(args, 'sp-entity-id')
    const acsUrl = urlFlag(args, 'acs-url')
    if (!metadataSource) throw usageError('--idp-metadata (SAML) or --issuer (OIDC) is required')
    if (!spEntityId) throw usageError('--sp-entity-id is required with --idp-metadata')
    if (!acsUrl) throw usageError('--acs-url is required with --idp-metadata')
    const profile = await resolveProfile(io, stringFlag(args, 'profile'))
    const now = nowFlag(args) ?? new Date()
    let xml: string
    if (/^https?:\/\//i.test(metadataSource)) {
      const fetched = await safeFetch(metadataSource)
      if (!fetched.ok) {
        return emitReport(io, buildReport({ subject: { kind: 'saml-test-login', idp: 'other', source: metadataSource }, profile: profile.id, now, findings: fetched.findings }), args.flags.json === true)
      }
      xml = fetched.body
    } else xml = await readInputFile(io, metadataSource, 'IdP metadata file')
    const report = await headlessSamlLogin({
      idpMetadataXml: xml, spEntityId, acsUrl, profile, now, ...credentials(io),
      ...(scenario ? { ssoQuery: { scenario } } : {}),
    })
    return emitReport(io, report, args.flags.json === true)
  },
}
