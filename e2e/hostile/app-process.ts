import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { freePort } from '../free-port'

/**
 * The real app (`next start`, production build) on a free loopback port, as a child process this code owns: the load
 * test and bench-hostile watch its PID (never restarted), CPU time and RSS (from /proc, Linux only).
 */
export interface AppProcess {
  readonly url: string
  readonly port: number
  readonly pid: number
  readonly child: ChildProcess
  /** Set when the process exited (a crash, an OOM kill): code or signal. */
  exit(): string | undefined
  /** stderr so far (last 20 KB), for the failure message. */
  stderr(): string
  /** utime + stime of the process and its descendants, in ms. */
  cpuMs(): number
  /** Resident set of the process and its descendants, in bytes. */
  rssBytes(): number
  /** Peak resident set (VmHWM) summed over the tree; resetPeak() starts a new window. */
  peakRssBytes(): number
  resetPeak(): void
  stop(): Promise<void>
}

const REPO = path.resolve(import.meta.dirname, '..', '..')

/** The build `next start` serves: NEXT_DIST_DIR, else the e2e build, else the demo's. */
export function appDistDir(): string | undefined {
  for (const d of [process.env.NEXT_DIST_DIR, '.next-e2e', '.next'])
    if (d && existsSync(path.join(REPO, d, 'BUILD_ID'))) return d
  return undefined
}

export async function startApp(o: {
  distDir: string
  env?: Record<string, string>
  startTimeoutMs?: number
}): Promise<AppProcess> {
  const port = await freePort()
  const nextBin = path.join(REPO, 'node_modules', 'next', 'dist', 'bin', 'next')
  // node runs next's bin directly, so the PID we watch is the server itself (no npx or shell in between).
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: REPO,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: o.distDir,
      PORT: String(port),
      SSO_PREFLIGHT_ALLOW_LOOPBACK: '1',
      SSO_PREFLIGHT_DATA_DIR: 'memory://',
      ...o.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString('utf8')).slice(-20_000)
  })
  let exited: string | undefined
  child.on('exit', (code, signal) => {
    exited = signal ?? `exit ${code}`
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + (o.startTimeoutMs ?? 90_000)
  for (;;) {
    if (exited) throw new Error(`next start exited (${exited}) before answering: ${stderr.slice(-2000)}`)
    try {
      const r = await fetch(`${url}/`, { signal: AbortSignal.timeout(5000) })
      if (r.status < 500) break
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`next start did not answer at ${url} in time: ${stderr.slice(-2000)}`)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  const pid = child.pid!
  return {
    url,
    port,
    pid,
    child,
    exit: () => exited,
    stderr: () => stderr,
    cpuMs: () => sum(tree(pid), cpuOf),
    rssBytes: () => sum(tree(pid), (p) => statusKb(p, 'VmRSS') * 1024),
    peakRssBytes: () => sum(tree(pid), (p) => statusKb(p, 'VmHWM') * 1024),
    resetPeak: () => {
      for (const p of tree(pid))
        try {
          writeFileSync(`/proc/${p}/clear_refs`, '5')
        } catch {
          /* not ours or gone */
        }
    },
    stop: async () => {
      if (exited) return
      const gone = new Promise<void>((r) => child.once('exit', () => r()))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await gone
      clearTimeout(timer)
    },
  }
}

/** The PID and its descendants (Next may render in worker processes). */
function tree(root: number): number[] {
  const parent = new Map<number, number>()
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8')
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      /* exited meanwhile */
    }
  }
  const out = [root]
  for (let i = 0; i < out.length; i++) for (const [p, pp] of parent) if (pp === out[i]) out.push(p)
  return out
}

const TICK_MS = 10 // USER_HZ is 100 on Linux

function cpuOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(f[11]) + Number(f[12])) * TICK_MS
  } catch {
    return 0
  }
}

function statusKb(pid: number, key: string): number {
  try {
    const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) : 0
  } catch {
    return 0
  }
}

const sum = (xs: number[], f: (x: number) => number) => xs.reduce((a, x) => a + f(x), 0)
