import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Debian's SimpleSAMLphp (package `simplesamlphp`, 1.19): the web root and library, never modified. */
export const SSP_WWW = '/usr/share/simplesamlphp/www'
export const SSP_BASE_PATH = 'simplesaml'

/** The vendor's SP entity ID, as a real Autodesk connection would carry it. */
export const INTEROP_SP_ENTITY_ID = 'https://www.okta.com/saml2/service-provider/spinteroptest'

/** Test users of the `exampleauth:UserPass` source. Each value list is what SimpleSAMLphp releases. */
export const INTEROP_USERS = {
  /** Every attribute Autodesk requires. */
  complete: {
    username: 'ada',
    password: 'ada-pass',
    attributes: {
      firstName: ['Ada'],
      lastName: ['Lovelace'],
      email: ['ada@example.org'],
      objectGUID: ['6f1c1ce2-3a86-4a0f-9a53-4bd0cf2ea1a7'],
    },
  },
  /** No objectGUID at all (a directory user without the immutable ID mapped). */
  missingObjectGuid: {
    username: 'bob',
    password: 'bob-pass',
    attributes: { firstName: ['Bob'], lastName: ['Builder'], email: ['bob@example.org'] },
  },
  /** lastName present but empty (a directory user whose surname field is blank). */
  emptyLastName: {
    username: 'cher',
    password: 'cher-pass',
    attributes: {
      firstName: ['Cher'],
      lastName: [''],
      email: ['cher@example.org'],
      objectGUID: ['0b5b6d8e-93c4-4a57-8f37-2f0f3d1b8c11'],
    },
  },
} as const satisfies Record<
  string,
  { username: string; password: string; attributes: Record<string, readonly string[]> }
>

/** Which parts of the answer SimpleSAMLphp signs (its `saml20.sign.response` / `saml20.sign.assertion` options). */
export interface SigningMode {
  readonly signResponse: boolean
  readonly signAssertion: boolean
  /** `signature.algorithm` (SimpleSAMLphp's default is rsa-sha256). */
  readonly algorithm?: string
}

export interface SimpleSamlPhp {
  readonly origin: string
  /** `<origin>/simplesaml/saml2/idp/metadata.php`; with `__DYNAMIC:1__` this is also the IdP entity ID. */
  readonly metadataUrl: string
  readonly acsUrl: string
  /** The generated signing certificate (PEM) that the metadata publishes. */
  readonly certificatePem: string
  /** Rewrites the SP entry; SimpleSAMLphp reads metadata files on every request, so no restart is needed. */
  setSigning(mode: SigningMode): void
  /** The PHP server's output and SimpleSAMLphp's log, for failure messages. */
  log(): string
  stop(): Promise<void>
}

/** Why the interop test cannot run here, or null when php and SimpleSAMLphp are installed. */
export function simpleSamlPhpMissing(): string | null {
  const php = tryExec('php', ['-r', 'echo extension_loaded("dom") ? "dom" : "nodom";'])
  if (php === null) return 'php is not installed (Debian package php-cli)'
  if (php !== 'dom') return 'PHP has no DOM extension (Debian package php-xml)'
  if (!existsSync(join(SSP_WWW, 'saml2/idp/SSOService.php')))
    return `SimpleSAMLphp is not installed at ${SSP_WWW} (Debian package simplesamlphp)`
  if (tryExec('openssl', ['version']) === null) return 'openssl is not installed (Debian package openssl)'
  return null
}

/**
 * Starts SimpleSAMLphp as a SAML 2.0 IdP on 127.0.0.1 with PHP's built-in web server and a throw-away config
 * (generated key pair, UserPass users, our SP). Nothing under /etc or /usr/share is touched.
 * @example const idp = await startSimpleSamlPhp({ acsUrl: 'http://127.0.0.1:9/saml/acs' })
 */
export async function startSimpleSamlPhp(o: { acsUrl: string; signing?: SigningMode }): Promise<SimpleSamlPhp> {
  const dir = mkdtempSync(join(tmpdir(), 'interop-ssp-'))
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const paths = {
    config: join(dir, 'config'),
    metadata: join(dir, 'config/metadata'),
    cert: join(dir, 'cert'),
    log: join(dir, 'log'),
    data: join(dir, 'data'),
    tmp: join(dir, 'tmp'),
    sessions: join(dir, 'sessions'),
    docroot: join(dir, 'docroot'),
  }
  for (const p of Object.values(paths)) mkdirSync(p, { recursive: true })
  // The built-in server has no Alias: a symlink puts the package's web root under the base path.
  symlinkSync(SSP_WWW, join(paths.docroot, SSP_BASE_PATH))
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-sha256',
      '-days',
      '365',
      '-subj',
      '/CN=simplesamlphp-interop-TEST-ONLY',
      '-keyout',
      join(paths.cert, 'idp.key'),
      '-out',
      join(paths.cert, 'idp.crt'),
    ],
    { stdio: 'ignore' },
  )

  writePhpJson(join(paths.config, 'config.php'), '$config', sspConfig(paths))
  writePhpJson(join(paths.config, 'authsources.php'), '$config', {
    admin: ['core:AdminPassword'],
    // Key 0 names the module; every other key is "<username>:<password>" (PHP turns the JSON key "0" into int 0).
    'interop-userpass': {
      0: 'exampleauth:UserPass',
      ...Object.fromEntries(Object.values(INTEROP_USERS).map((u) => [`${u.username}:${u.password}`, u.attributes])),
    },
  })
  writePhpJson(join(paths.metadata, 'saml20-idp-hosted.php'), "$metadata['__DYNAMIC:1__']", {
    host: '__DEFAULT__',
    privatekey: 'idp.key',
    certificate: 'idp.crt',
    auth: 'interop-userpass',
    'attributes.NameFormat': 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
    NameIDFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    'simplesaml.nameidattribute': 'email',
  })
  const writeSp = (mode: SigningMode) =>
    writePhpJson(join(paths.metadata, 'saml20-sp-remote.php'), `$metadata['${INTEROP_SP_ENTITY_ID}']`, {
      AssertionConsumerService: [
        { index: 0, Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', Location: o.acsUrl },
      ],
      NameIDFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      'saml20.sign.response': mode.signResponse,
      'saml20.sign.assertion': mode.signAssertion,
      ...(mode.algorithm ? { 'signature.algorithm': mode.algorithm } : {}),
    })
  writeSp(o.signing ?? { signResponse: true, signAssertion: true })

  const out: string[] = []
  // OPcache applies to the cli-server SAPI and revalidates only every 2 s: a rewritten SP entry would be served stale,
  // so our generated config stays out of it while SimpleSAMLphp's own code is cached.
  const blacklist = join(dir, 'opcache-blacklist.txt')
  writeFileSync(blacklist, `${paths.config}/\n`)
  const child: ChildProcess = spawn(
    'php',
    [
      '-d',
      `opcache.blacklist_filename=${blacklist}`,
      '-d',
      `session.save_path=${paths.sessions}`,
      '-d',
      'display_errors=stderr',
      '-S',
      `127.0.0.1:${port}`,
      '-t',
      paths.docroot,
    ],
    {
      // A minimal environment: php needs nothing of ours but PATH and the config dir.
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', SIMPLESAMLPHP_CONFIG_DIR: paths.config, NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  child.stdout?.on('data', (b: Buffer) => out.push(b.toString()))
  child.stderr?.on('data', (b: Buffer) => out.push(b.toString()))
  const metadataUrl = `${origin}/${SSP_BASE_PATH}/saml2/idp/metadata.php`
  const readLog = () => {
    const file = join(paths.log, 'simplesamlphp.log')
    return out.join('') + (existsSync(file) ? `\n--- simplesamlphp.log ---\n${readFileSync(file, 'utf8')}` : '')
  }
  try {
    await waitUntilServing(metadataUrl, child)
  } catch (err) {
    child.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`${(err as Error).message}\n${readLog()}`)
  }
  return {
    origin,
    metadataUrl,
    acsUrl: o.acsUrl,
    certificatePem: readFileSync(join(paths.cert, 'idp.crt'), 'utf8'),
    setSigning: writeSp,
    log: readLog,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))])
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

function sspConfig(paths: Record<'metadata' | 'cert' | 'log' | 'data' | 'tmp', string>) {
  return {
    baseurlpath: `${SSP_BASE_PATH}/`,
    certdir: `${paths.cert}/`,
    loggingdir: `${paths.log}/`,
    datadir: `${paths.data}/`,
    tempdir: paths.tmp,
    metadatadir: `${paths.metadata}/`,
    // 'secretsalt' only has to be non-default; a fixed test value is fine for a throw-away IdP.
    secretsalt: 'interop-test-salt-not-a-secret-0123456789',
    'auth.adminpassword': 'interop-admin-not-a-secret',
    technicalcontact_name: 'SSO Preflight interop test',
    technicalcontact_email: 'interop@example.org',
    timezone: 'UTC',
    'enable.saml20-idp': true,
    'enable.shib13-idp': false,
    'module.enable': { exampleauth: true, core: true, saml: true, admin: true },
    'store.type': 'phpsession',
    'session.cookie.secure': false,
    'session.phpsession.cookiename': 'SimpleSAMLSessionID',
    'logging.handler': 'file',
    'logging.logfile': 'simplesamlphp.log',
    'logging.level': 7,
    showerrors: true,
    errorreporting: false,
    'metadata.sources': [{ type: 'flatfile' }],
    'language.default': 'en',
    'theme.use': 'default',
  }
}

/** A PHP file that assigns decoded JSON (a nowdoc needs no escaping): no hand-written PHP. */
function writePhpJson(file: string, variable: string, value: unknown) {
  writeFileSync(
    file,
    `<?php\n${variable} = json_decode(<<<'JSON'\n${JSON.stringify(value, null, 2)}\nJSON, true, 512, JSON_THROW_ON_ERROR);\n`,
  )
}

function tryExec(cmd: string, args: string[]): string | null {
  try {
    return execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 })
      .toString()
      .trim()
  } catch {
    return null
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      s.close(() => resolve(port))
    })
  })
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000
  let last = ''
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`php exited with code ${child.exitCode}`)
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) })
      if (res.ok) return
      last = `HTTP ${res.status}`
    } catch (err) {
      last = (err as Error).message
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`SimpleSAMLphp did not serve ${url} within 10 s (${last})`)
}
