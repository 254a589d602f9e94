import { z } from 'zod'
import { usageError } from '../../errors'
import { PERSONALITIES, type Personality } from '../../mock-idp/personality'
import { parseArgs, stringFlag, urlFlag } from '../args'
import type { Command } from '../command'
// The ready line's shape is the schema clients parse it with (lib/mock-idp/client.ts): one definition for both ends.
import type { MockIdpUrls as MockIdpReadyLine } from '../../mock-idp/client'

const FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'issuer-url': { type: 'string' },
  personality: { type: 'string' },
  keys: { type: 'string' },
  help: { type: 'boolean' },
} as const

const Port = z.coerce.number().int().min(0).max(65_535)
const Host = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:_-]+$/)

/** A promise that settles on SIGINT or SIGTERM (the way CI stops a background service). */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGINT', on)
      process.off('SIGTERM', on)
      resolve(signal)
    }
    process.on('SIGINT', on)
    process.on('SIGTERM', on)
  })
}

export const mockIdpCommand: Command = {
  name: 'mock-idp',
  usage:
    'mock-idp [--port 0] [--host 127.0.0.1] [--issuer-url URL] [--personality generic|entra|okta|okta-org] [--keys DIR]',
  summary:
    'Run a mock SAML IdP and OIDC provider for tests; prints one JSON line with its URLs, then serves until stopped. The scenario of the next login comes from the username, a ?scenario= parameter or POST /_admin/scenario.',
  async run(argv, io) {
    const started = performance.now()
    const args = parseArgs(argv, FLAGS, { min: 0, max: 0, name: 'nothing' })
    const port = Port.safeParse(stringFlag(args, 'port') ?? '0')
    if (!port.success) throw usageError(`--port expects 0-65535, got ${JSON.stringify(stringFlag(args, 'port'))}`)
    const host = Host.safeParse(stringFlag(args, 'host') ?? '127.0.0.1')
    if (!host.success)
      throw usageError(`--host expects a host name or IP address, got ${JSON.stringify(stringFlag(args, 'host'))}`)
    const personality = stringFlag(args, 'personality') ?? 'generic'
    if (!(PERSONALITIES as readonly string[]).includes(personality))
      throw usageError(`--personality expects one of ${PERSONALITIES.join(', ')}, got ${JSON.stringify(personality)}`)
    const issuerUrl = urlFlag(args, 'issuer-url')
    const keysDir = stringFlag(args, 'keys')

    // Loaded only by this command: oidc-provider, xml-crypto and the mock's pages are no cost to any other command.
    const [{ startMockIdp }, keysModule, { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET }] = await Promise.all([
      import('../../mock-idp/server'),
      import('../../mock-idp/keys'),
      import('../../testlogin/demo'),
    ])
    const keys = keysDir
      ? {
          all: await keysModule.loadMockIdpKeys(keysDir).catch((err: unknown) => {
            throw usageError(
              `--keys ${JSON.stringify(keysDir)}: expected ${keysModule.MOCK_IDP_KEY_NAMES.map((n) => `${n}.crt.pem and ${n}.key.pem`).join(', ')} (${(err as Error).message.split('\n')[0]})`,
              err,
            )
          }),
        }
      : keysModule.generateMockIdpKeysStaged(new Date(), { publishExpired: personality === 'generic' })
    let idp: Awaited<ReturnType<typeof startMockIdp>>
    try {
      idp = await startMockIdp({
        port: port.data,
        host: host.data,
        personality: personality as Personality,
        keys: keys.all,
        acceptAnyRedirectUri: true,
        ...('published' in keys ? { publishedKeys: keys.published } : {}),
        ...(issuerUrl ? { issuerUrl } : {}),
      })
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL')
        throw usageError(`cannot listen on ${host.data}:${port.data} (${code})`, err)
      throw err
    }
    const line: MockIdpReadyLine = {
      event: 'ready',
      port: idp.port,
      base: idp.base,
      personality: idp.personality,
      samlEntityId: idp.samlEntityId,
      samlMetadataUrl: idp.samlMetadataUrl,
      samlSsoUrl: idp.samlSsoUrl,
      oidcIssuer: idp.oidcIssuer,
      oidcDiscoveryUrl: idp.oidcDiscoveryUrl,
      oidcClientId: DEMO_CLIENT_ID,
      oidcClientSecret: DEMO_CLIENT_SECRET,
      adminUrl: idp.adminUrl,
      healthUrl: `${idp.adminUrl}/health`,
      scenarioUrl: `${idp.adminUrl}/scenario`,
      keys: keysDir ? 'dir' : 'generated',
      readyMs: Math.round(performance.now() - started),
    }
    io.stdout.write(`${JSON.stringify(line)}\n`)
    io.stderr.write(
      `mock-idp: ${idp.personality} mock IdP at ${idp.base} (test tool, not a real IdP; Ctrl-C stops it)\n`,
    )
    await stopSignal()
    await idp.close()
    return 0
  },
}
