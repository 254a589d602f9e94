import { execFileSync } from 'node:child_process'
import { createServer } from 'node:net'

/**
 * A loopback port nobody listens on, found by binding port 0 and closing it again. The Playwright config needs it
 * synchronously (it is evaluated before any test runs, then again in every worker), hence the child process.
 * Fixed ports collide with a developer's `npm start` (3000 / 3200) and with other test runs on the same machine.
 */
export function freePortSync(): number {
  const script =
    "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"
  const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 10_000 })
  const port = Number(out.trim())
  if (!Number.isInteger(port) || port <= 0) throw new Error(`could not find a free port (got ${JSON.stringify(out)})`)
  return port
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const address = s.address()
      const port = typeof address === 'object' && address ? address.port : 0
      s.close(() => resolve(port))
    })
  })
}
