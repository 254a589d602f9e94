import { buildReport } from '../../findings/report'
import { safeFetch } from '../../net/index'
import { headlessSamlLogin } from '../../testlogin/headless/index'
import { usageError } from '../../errors'
import { COMMON_FLAGS, nowFlag, parseArgs, stringFlag, urlFlag } from '../args'
import type { Command } from '../command'
import { readInputFile } from '../io'
import { emitReport } from '../output'
import { resolveProfile } from '../profile'

const FLAGS = { ...COMMON_FLAGS, 'idp-metadata': { type: 'string' }, 'sp-entity-id': { type: 'string' }, 'acs-url': { type: 'string' }, scenario: { type: 'string' } } as const

export const loginCommand: Command = {
  name: 'login',
  usage: 'login --idp-metadata <file|url> --sp-entity-id ID --acs-url URL [--scenario S] [--profile P]   (SSO_PREFLIGHT_USERNAME / SSO_PREFLIGHT_PASSWORD from the environment)',
  summary: 'Run a SAML test login without a browser: sign in at the IdP with the test user from the environment, capture the answer addressed to the ACS URL and check it.',
  async run(argv, io) {
    const args = parseArgs(argv, FLAGS, { min: 0, max: 0, name: 'nothing' })
    const metadataSource = stringFlag(args, 'idp-metadata')
    const spEntityId = stringFlag(args, 'sp-entity-id')
    const acsUrl = urlFlag(args, 'acs-url')
    if (!metadataSource) throw usageError('--idp-metadata is required')
    if (!spEntityId) throw usageError('--sp-entity-id is required')
    if (!acsUrl) throw usageError('--acs-url is required')
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
    const scenario = stringFlag(args, 'scenario')
    const report = await headlessSamlLogin({
      idpMetadataXml: xml,
      spEntityId,
      acsUrl,
      ...(io.env.SSO_PREFLIGHT_USERNAME ? { username: io.env.SSO_PREFLIGHT_USERNAME } : {}),
      ...(io.env.SSO_PREFLIGHT_PASSWORD ? { password: io.env.SSO_PREFLIGHT_PASSWORD } : {}),
      ...(scenario ? { ssoQuery: { scenario } } : {}),
      profile,
      now,
    })
    return emitReport(io, report, args.flags.json === true)
  },
}
