import { usageError } from '../../errors'
import { buildReport } from '../../findings/index'
import { readSource } from '../../jobs/source'
import { headlessOidcLogin, headlessSamlLogin, LOGIN_DRIVERS, type LoginDriver } from '../../testlogin/headless/index'
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
  connection: { type: 'string' },
  'app-url': { type: 'string' },
  driver: { type: 'string' },
} as const

/** `--driver auto|http|chromium`: auto is the HTTP form driver, with Chromium when a login page needs script. */
function driverFlag(value: string | undefined): LoginDriver {
  const v = value ?? 'auto'
  if (!(LOGIN_DRIVERS as readonly string[]).includes(v))
    throw usageError(`--driver expects one of ${LOGIN_DRIVERS.join(', ')}, got ${JSON.stringify(v)}`)
  return v as LoginDriver
}

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
    'login (--idp-metadata <file|url> --sp-entity-id ID --acs-url URL | --issuer URL --client-id ID --redirect-uri URL) [--scenario S] [--profile P] [--driver auto|http|chromium]\n' +
    '      login --connection ID --app-url URL [--scenario S]   (a saved connection; API token from SSO_PREFLIGHT_API_TOKEN)\n' +
    '      credentials from SSO_PREFLIGHT_USERNAME / SSO_PREFLIGHT_PASSWORD (and SSO_PREFLIGHT_CLIENT_SECRET for OIDC);\n' +
    '      --driver chromium signs in with a real browser engine (Playwright, /usr/bin/chromium or PLAYWRIGHT_CHROMIUM_PATH)',
  summary:
    "Run a test login without a browser, as a CI step: sign in at the IdP with the test user from the environment, capture the IdP's answer and check it.",
  async run(argv, io) {
    const args = parseArgs(connectionValueJoined(argv), FLAGS, { min: 0, max: 0, name: 'nothing' })
    const scenario = stringFlag(args, 'scenario')
    const driving = { driver: driverFlag(stringFlag(args, 'driver')), env: io.env }
    const connectionId = stringFlag(args, 'connection')
    if (connectionId !== undefined) {
      const { loginSavedConnection } = await import('./login-connection')
      const report = await loginSavedConnection(
        {
          connectionId,
          appUrl: stringFlag(args, 'app-url'),
          ...(scenario ? { scenario } : {}),
          ...credentials(io),
          driver: driving.driver,
        },
        io,
      )
      return emitReport(io, report, args.flags.json === true)
    }
    const issuer = urlFlag(args, 'issuer')
    if (issuer) {
      const clientId = stringFlag(args, 'client-id')
      const redirectUri = urlFlag(args, 'redirect-uri')
      if (!clientId) throw usageError('--client-id is required with --issuer')
      if (!redirectUri) throw usageError('--redirect-uri is required with --issuer')
      const profile = await resolveProfile(io, stringFlag(args, 'profile'), 'generic')
      const report = await headlessOidcLogin({
        issuer,
        clientId,
        redirectUri,
        profile,
        ...credentials(io),
        ...driving,
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
      const fetched = await readSource({ kind: 'url', url: metadataSource })
      if (!fetched.ok) {
        return emitReport(
          io,
          buildReport({
            subject: { kind: 'saml-test-login', idp: 'other', source: metadataSource },
            profile: profile.id,
            now,
            findings: fetched.findings,
          }),
          args.flags.json === true,
        )
      }
      xml = fetched.text
    } else xml = await readInputFile(io, metadataSource, 'IdP metadata file')
    const report = await headlessSamlLogin({
      idpMetadataXml: xml,
      spEntityId,
      acsUrl,
      profile,
      now,
      ...credentials(io),
      ...driving,
      ...(scenario ? { ssoQuery: { scenario } } : {}),
    })
    return emitReport(io, report, args.flags.json === true)
  },
}

/** A connection ID is base64url and may begin with '-': `--connection -x…` means that ID, not a flag. */
function connectionValueJoined(argv: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1]
    if (argv[i] === '--connection' && next !== undefined && /^-[A-Za-z0-9_-]{15,63}$/.test(next)) {
      out.push(`--connection=${next}`)
      i++
    } else out.push(argv[i]!)
  }
  return out
}
