import { createServer, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, test } from 'vitest'
// @ts-expect-error plain ESM script without type declarations (scripts/serve-team.mjs uses it as is)
import { gracefulShutdown } from '../../scripts/graceful.mjs'

interface Graceful {
  shutdown(signal: string): Promise<void>
}

function get(port: number, path: string): Promise<{ status: number; body: string; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = ''
      res.on('data', (c: Buffer) => {
        body += c.toString()
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

async function serve(delayMs: number) {
  const server = createServer((req, res) => {
    setTimeout(() => res.end(`done ${req.url}`), req.url === '/slow' ? delayMs : 0)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const closedResources: string[] = []
  let exitCode: number | undefined
  const g = gracefulShutdown(server, {
    timeoutMs: 2000,
    onClosed: async () => {
      closedResources.push('store')
    },
    exit: (c: number) => {
      exitCode = c
    },
  }) as Graceful
  return { server, port: (server.address() as AddressInfo).port, g, closedResources, exit: () => exitCode }
}

describe('graceful shutdown', () => {
  test('a request in flight finishes; new connections are refused; then the store closes and the process exits 0', async () => {
    const s = await serve(400)
    const inFlight = get(s.port, '/slow')
    await new Promise((r) => setTimeout(r, 50))
    const stopping = s.g.shutdown('SIGTERM')
    await expect(get(s.port, '/new')).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    const answered = await inFlight
    expect(answered).toMatchObject({ status: 200, body: 'done /slow', connection: 'close' })
    await stopping
    expect(s.closedResources).toEqual(['store'])
    expect(s.exit()).toBe(0)
  })

  test('a request still running at the deadline has its connection closed, and shutdown still completes', async () => {
    const s = await serve(60_000)
    const stuck = get(s.port, '/slow').catch((err: NodeJS.ErrnoException) => err.code)
    await new Promise((r) => setTimeout(r, 50))
    const t0 = Date.now()
    await s.g.shutdown('SIGINT')
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1900)
    expect(Date.now() - t0).toBeLessThan(10_000)
    expect(await stuck).toBe('ECONNRESET')
    expect(s.closedResources).toEqual(['store'])
    expect(s.exit()).toBe(0)
  })
})
