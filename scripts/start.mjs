#!/usr/bin/env node
// `npm start`: the demo in one command. Builds the app if needed, starts the mock IdP on 127.0.0.1:3200 and the app
// on http://localhost:3000 (loopback fetches allowed, so the app can read the mock's metadata and discovery), and
// seeds one demo connection per protocol when none exists. Ctrl-C stops both.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

const port = Number(process.env.PORT ?? 3000)
// The demo lets the app fetch loopback URLs (the mock IdP): listening only on loopback keeps other machines from
// using it as a proxy to this machine's local services. HOSTNAME_BIND=0.0.0.0 opts out, knowingly.
const hostname = process.env.HOSTNAME_BIND ?? '127.0.0.1'
const idpPort = Number(process.env.MOCK_IDP_PORT ?? 3200)
const distDir = process.env.NEXT_DIST_DIR || '.next'
const app = `http://localhost:${port}`
const idp = `http://127.0.0.1:${idpPort}`
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  SSO_PREFLIGHT_ALLOW_LOOPBACK: '1',
  PORT: String(port),
  MOCK_IDP_PORT: String(idpPort),
}
const nextBin = join('node_modules', '.bin', 'next')

if (!existsSync(join(distDir, 'BUILD_ID')) || process.argv.includes('--build')) {
  console.log(`start: building the app into ${distDir} (once; about a minute)…`)
  const built = spawnSync(nextBin, ['build'], { stdio: 'inherit', env })
  if (built.status !== 0) process.exit(built.status ?? 1)
}

const children = []
function run(name, command, args) {
  const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env })
  child.on('exit', (code, signal) => {
    if (stopping) return
    console.error(`start: ${name} stopped (${signal ?? `exit ${code}`}); stopping the demo`)
    stop(code ?? 1)
  })
  children.push(child)
  return child
}

let stopping = false
function stop(code = 0) {
  stopping = true
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM')
  setTimeout(() => process.exit(code), 500).unref()
}
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))

async function waitFor(url, what, seconds = 60) {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      const r = await fetch(url)
      if (r.status < 500) return
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${what} did not answer at ${url} within ${seconds} s`)
}

async function seed() {
  const list = await (await fetch(`${app}/api/connections`)).json()
  const names = new Set((list.connections ?? []).map((c) => c.name))
  const out = []
  if (!names.has('Demo IdP (SAML)')) {
    const metadataXml = await (await fetch(`${idp}/saml/metadata`)).text()
    // The vendor's two SP values carry different IDs (issue 8): demo ones, as the vendor's console would show them.
    out.push(
      await create({
        name: 'Demo IdP (SAML)',
        protocol: 'saml',
        profileId: 'autodesk',
        metadataXml,
        spEntityId: 'https://www.okta.com/saml2/service-provider/spdemo0000000001',
        acsUrl: 'https://autodesk-prod.okta.com/sso/saml2/0oademo0000000001',
      }),
    )
  }
  if (!names.has('Demo IdP (OIDC)')) {
    out.push(
      await create({
        name: 'Demo IdP (OIDC)',
        protocol: 'oidc',
        profileId: 'generic',
        issuer: `${idp}/oidc`,
        clientId: 'sso-preflight-demo',
      }),
    )
  }
  return out
}

async function create(body) {
  const r = await fetch(`${app}/api/connections`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const json = await r.json()
  if (r.status !== 201)
    throw new Error(`seeding ${body.name} failed: ${r.status} ${JSON.stringify(json).slice(0, 300)}`)
  return { name: body.name, url: json.url ?? `${app}/connections/${json.id}`, testLoginUrl: json.testLoginUrl }
}

try {
  run('mock IdP', process.execPath, ['--import', 'tsx', 'e2e/mock-idp/server.ts'])
  await waitFor(`${idp}/saml/metadata`, 'the mock IdP')
  run('app', nextBin, ['start', '-p', String(port), '-H', hostname])
  await waitFor(`${app}/`, 'the app', 120)
  const seeded = await seed()
  console.log(`\nSSO Preflight is running at ${app}`)
  console.log(`Demo IdP at ${idp} (SAML metadata ${idp}/saml/metadata, OIDC issuer ${idp}/oidc)`)
  for (const s of seeded) console.log(`  seeded ${s.name}: ${s.url}  → Run test login: ${s.testLoginUrl}`)
  console.log(
    `Connections: ${app}/connections — on the demo IdP's login page, the username picks the outcome.\nCtrl-C stops both.`,
  )
} catch (err) {
  console.error(`start: ${err instanceof Error ? err.message : String(err)}`)
  stop(1)
}
