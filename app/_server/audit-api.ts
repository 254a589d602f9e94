import { z } from 'zod'
import { invalid } from '@/app/connections/_server/http'
import type { Store } from '@/lib/store'
import { AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX } from '@/lib/store/audit'
import { allows, type Principal } from '@/lib'
import { recordAudit } from './audit'
import { forbidden } from './team-access'

export const AuditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(AUDIT_PAGE_DEFAULT),
  before: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/)
    .optional(),
  format: z.enum(['json']).optional(),
})

/**
 * GET /api/audit?limit=&before=&format=json → { entries (newest first), next (the URL of the next page, or null) }.
 * `format=json` is the download: the same page as an attachment, and an `audit.export` entry of its own.
 */
export async function auditPage(p: Principal, requestUrl: string, store: Store): Promise<Response> {
  if (!allows(p, 'audit.read', { workspaceId: p.workspaceId })) return forbidden()
  const url = new URL(requestUrl)
  const query = AuditQuerySchema.safeParse(Object.fromEntries(url.searchParams))
  if (!query.success) return invalid(query.error)
  const { limit, before, format } = query.data
  const entries = await store.audit.list(p.workspaceId, { limit, ...(before ? { before } : {}) })
  const last = entries.at(-1)
  const next = entries.length === limit && last ? nextUrl(url, last.id) : null
  if (format !== 'json') return Response.json({ entries, next }, { headers: { 'cache-control': 'no-store' } })
  await recordAudit(
    p,
    'audit.export',
    { kind: 'workspace', id: p.workspaceId },
    { format: 'json', count: entries.length },
    { store },
  )
  const day = new Date().toISOString().slice(0, 10)
  return new Response(
    `${JSON.stringify({ schema: 'sso-preflight/audit@1', workspaceId: p.workspaceId, entries, next }, null, 2)}\n`,
    {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        'content-disposition': `attachment; filename="sso-preflight-audit-${day}.json"`,
      },
    },
  )
}

function nextUrl(current: URL, beforeId: string): string {
  const u = new URL(current.pathname, current.origin)
  for (const [k, v] of current.searchParams) if (k !== 'before') u.searchParams.set(k, v)
  u.searchParams.set('before', beforeId)
  return `${u.pathname}${u.search}`
}
