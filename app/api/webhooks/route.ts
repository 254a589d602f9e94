import { z } from 'zod'
import { forbidden, opsPrincipal, unauthorized } from '@/app/_server/ops-principal'
import { invalid, jsonErrors, readJsonObject, usage } from '@/app/connections/_server/http'
import { loopbackAllowedByEnv } from '@/lib'
import { getStore, WebhookUrlSchema } from '@/lib/store'
import { allows } from '@/lib'
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '@/lib'

const NewWebhookSchema = z.strictObject({
  url: WebhookUrlSchema,
  /** Only this connection's watch events; absent: every connection of the workspace. */
  connectionId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/)
    .optional(),
})

/** GET /api/webhooks → { webhooks: [{ id, url, connectionId, createdAt }] } of the caller's workspace. */
export async function GET(request: Request): Promise<Response> {
  return jsonErrors(async () => {
    const p = await opsPrincipal(request)
    if (!p) return unauthorized()
    if (!allows(p, 'connections.read', { workspaceId: p.workspaceId })) return forbidden()
    return Response.json({ webhooks: await (await getStore()).watch.listWebhooks(p.workspaceId) })
  })
}

/**
 * POST /api/webhooks { url, connectionId? } → 201 { id, url, connectionId, secret, … }. The secret is shown once:
 * receivers verify X-SSO-Preflight-Signature (sha256=HMAC of the raw body) with it.
 */
export async function POST(request: Request): Promise<Response> {
  return jsonErrors(async () => {
    const p = await opsPrincipal(request)
    if (!p) return unauthorized()
    if (!allows(p, 'connections.write', { workspaceId: p.workspaceId })) return forbidden()
    const read = await readJsonObject(request, 16 * 1024)
    if (!read.ok) return read.response
    const parsed = NewWebhookSchema.safeParse(read.body)
    if (!parsed.success) return invalid(parsed.error)
    const url = new URL(parsed.data.url)
    if (url.protocol !== 'https:' && !loopbackAllowedByEnv()) return usage('A webhook URL must use https.')
    if (url.username || url.password)
      return usage('A webhook URL must not carry credentials; the signature authenticates the sender.')
    const store = await getStore()
    if (parsed.data.connectionId) {
      // Another workspace's connection answers like an unknown one.
      const c = await store.connections.get(parsed.data.connectionId, p.workspaceId)
      if (!c) return usage('No connection with this id (it may have expired).', {}, 404)
    }
    const { secret, info } = await store.watch.createWebhook({
      workspaceId: p.workspaceId,
      connectionId: parsed.data.connectionId ?? null,
      url: url.href,
    })
    return Response.json(
      { ...info, secret, signatureHeader: SIGNATURE_HEADER, timestampHeader: TIMESTAMP_HEADER },
      { status: 201, headers: { 'cache-control': 'no-store' } },
    )
  })
}
