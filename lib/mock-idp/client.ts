import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { z } from 'zod'
import { PERSONALITIES, type Personality } from './personality'

/** The ready line `sso-preflight mock-idp` prints on stdout (see lib/cli/commands/mock-idp.ts), as a client reads it. */
export const MockIdpReadyLineSchema = z.object({
  event: z.literal('ready'),
  port: z.number().int(),
  base: z.string(),
  personality: z.enum(PERSONALITIES),
  samlEntityId: z.string(),
  samlMetadataUrl: z.string(),
  samlSsoUrl: z.string(),
  oidcIssuer: z.string(),
  oidcDiscoveryUrl: z.string(),
  oidcClientId: z.string(),
  oidcClientSecret: z.string(),
  adminUrl: z.string(),
  healthUrl: z.string(),
  scenarioUrl: z.string(),
  keys: z.enum(['generated', 'dir']),
  readyMs: z.number(),
})
export type MockIdpUrls = z.infer<typeof MockIdpReadyLineSchema>

export interface RunningMockIdp extends MockIdpUrls {
  readonly process: ChildProcess
  /** Scripts the next login's outcome (POST /_admin/scenario); `null` clears a scripted one. */
  setScenario(scenario: string | null, protocol?: 'saml' | 'oidc'): Promise<void>
  stop(): Promise<void>
}

export interface SpawnMockIdpOptions {
  /** How to run the CLI: default `$SSO_PREFLIGHT_BIN` split on spaces, else `sso-preflight` from PATH. */
  readonly command?: readonly string[]
  readonly personality?: Personality
  readonly keysDir?: string
  readonly host?: string
  readonly issuerUrl?: string
  readonly env?: Readonly<Record<string, string>>
  /** Give up when no ready line came by then (default 15 s). */
  readonly timeoutMs?: number
}

/**
 * Starts `sso-preflight mock-idp --port 0` as a child process and resolves with its URLs once it answers. The process
 * is the shipped command, so a test drives exactly what a pipeline runs. Needs no code of this repository at run time
 * beyond this file.
 */
export async function spawnMockIdp(o: SpawnMockIdpOptions = {}): Promise<RunningMockIdp> {
  const command =
    o.command ??
    (process.env.SSO_PREFLIGHT_BIN ? process.env.SSO_PREFLIGHT_BIN.split(' ').filter(Boolean) : ['sso-preflight'])
  const [bin, ...pre] = command
  if (!bin) throw new Error('spawnMockIdp: empty command')
  const args = [
    ...pre,
    'mock-idp',
    '--port',
    '0',
    ...(o.host ? ['--host', o.host] : []),
    ...(o.personality ? ['--personality', o.personality] : []),
    ...(o.keysDir ? ['--keys', o.keysDir] : []),
    ...(o.issuerUrl ? ['--issuer-url', o.issuerUrl] : []),
  ]
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...o.env } })
  let stderr = ''
  child.stderr?.setEncoding('utf8').on('data', (s: string) => {
    stderr = (stderr + s).slice(-4000)
  })
  const lines = createInterface({ input: child.stdout! })
  const ready = await new Promise<MockIdpUrls>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM')
      reject(new Error(`mock-idp gave no ready line within ${o.timeoutMs ?? 15_000} ms: ${stderr}`))
    }, o.timeoutMs ?? 15_000)
    lines.once('line', (line) => {
      clearTimeout(timer)
      try {
        resolve(MockIdpReadyLineSchema.parse(JSON.parse(line)))
      } catch (err) {
        child.kill('SIGTERM')
        reject(
          new Error(`mock-idp printed no ready line: ${line.slice(0, 300)} (${(err as Error).message.slice(0, 200)})`),
        )
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`mock-idp exited (${code}) before it was ready: ${stderr}`))
    })
  })
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
  return {
    ...ready,
    process: child,
    async setScenario(scenario, protocol) {
      const r = await fetch(ready.scenarioUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scenario, ...(protocol ? { protocol } : {}) }),
      })
      if (!r.ok) throw new Error(`mock-idp refused scenario ${JSON.stringify(scenario)}: ${r.status} ${await r.text()}`)
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}
