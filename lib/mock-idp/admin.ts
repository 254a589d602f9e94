import type { IncomingMessage, ServerResponse } from 'node:http'
import { AdminScenarioSchema, type NextScenario } from './next-scenario'
import type { PublishedKeys } from './keys'
import type { MockIdpSite } from './personality'
import { OIDC_SCENARIOS, SAML_SCENARIOS } from './scenarios'

const MAX_ADMIN_BODY = 4 * 1024

function json(res: ServerResponse, status: number, body: unknown): void {
  res
    .writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
    .end(JSON.stringify(body))
}

async function readCapped(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_ADMIN_BODY) return undefined
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * The test-scripting endpoints under /_admin: `GET health`, `GET scenarios` (the tables), `POST scenario`
 * ({"scenario": "wrong-audience", "protocol": "saml"}; null clears). No authentication: the mock is a test tool and
 * listens on loopback unless told otherwise.
 */
export async function handleAdmin(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  site: MockIdpSite<PublishedKeys>,
  next: NextScenario,
): Promise<boolean> {
  if (!path.startsWith('/_admin/')) return false
  if (path === '/_admin/health' && req.method === 'GET') {
    json(res, 200, {
      status: 'ok',
      personality: site.personality,
      samlEntityId: site.samlEntityId,
      oidcIssuer: site.oidcIssuer,
      nextScenario: next.peek(),
    })
    return true
  }
  if (path === '/_admin/scenarios' && req.method === 'GET') {
    json(res, 200, {
      saml: SAML_SCENARIOS.map((s) => ({ id: s.id, label: s.label })),
      oidc: OIDC_SCENARIOS.map((s) => ({ id: s.id, label: s.label })),
    })
    return true
  }
  if (path === '/_admin/scenario') {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST')
      json(res, 405, { error: 'POST a JSON body {"scenario": "<id>", "protocol": "saml" | "oidc"}' })
      return true
    }
    const text = await readCapped(req)
    if (text === undefined) {
      json(res, 413, { error: `body larger than ${MAX_ADMIN_BODY} bytes` })
      return true
    }
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      json(res, 400, { error: 'body is not JSON' })
      return true
    }
    const parsed = AdminScenarioSchema.safeParse(body)
    if (!parsed.success) {
      json(res, 400, {
        error: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
        scenarios: { saml: SAML_SCENARIOS.map((s) => s.id), oidc: OIDC_SCENARIOS.map((s) => s.id) },
      })
      return true
    }
    next.set(parsed.data)
    json(res, 200, { ok: true, nextScenario: next.peek() })
    return true
  }
  json(res, 404, { error: 'unknown admin endpoint (GET /_admin/health, GET /_admin/scenarios, POST /_admin/scenario)' })
  return true
}
