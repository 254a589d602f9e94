import { headers } from 'next/headers'
import { getStore, maskEmails, REDACTED, type Store } from '@/lib/store'
import type { AuditEntry, NewAuditEntry } from '@/lib/store/team-types'
import type { Principal } from '@/lib'

/** What an audited change is about. */
export interface AuditTarget {
  readonly kind: 'connection' | 'run' | 'report' | 'setup-link' | 'token' | 'member' | 'invitation' | 'workspace'
  readonly id?: string
}

export type AuditDetails = Record<string, string | number | boolean | null>

/**
 * Detail keys an entry may carry: facts about the change (names, counts, outcomes, choices), never a value a person
 * typed about themselves or a secret. Any other key is left out (counted in `omittedDetails`), so a caller cannot
 * put a client secret, an assertion or a test user's address in the log by passing it along.
 */
export const AUDIT_DETAIL_KEYS: ReadonlySet<string> = new Set([
  'name',
  'connectionName',
  'tokenName',
  'protocol',
  'profileId',
  'idp',
  'scopes',
  'role',
  'previousRole',
  'kind',
  'format',
  'outcome',
  'status',
  'verdict',
  'errors',
  'warnings',
  'count',
  'runs',
  'uses',
  'expiresAt',
  'ttlMinutes',
  'errorCodes',
  'raw',
  'masked',
  'fields',
  'source',
  'reason',
  'connectionId',
  'runId',
  'reportId',
  'linkId',
  'tokenId',
])

const MAX_DETAIL_CHARS = 200
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/
/** Long, space-free, mixed-case strings with digits: a token, a code, a key. Never kept, whatever key they came under. */
function looksOpaque(v: string): boolean {
  return v.length >= 32 && /^[A-Za-z0-9+/=_.-]+$/.test(v) && /\d/.test(v) && /[a-z]/.test(v) && /[A-Z]/.test(v)
}

/** The principal as the audit log names it: kind, id and a label the workspace knows (a member's email, a token's name). */
export function auditActor(p: Principal): Pick<AuditEntry, 'actorKind' | 'actorId' | 'actorLabel' | 'workspaceId'> {
  switch (p.kind) {
    case 'local':
      return { workspaceId: p.workspaceId, actorKind: 'local', actorId: null, actorLabel: null }
    case 'user':
      return { workspaceId: p.workspaceId, actorKind: 'user', actorId: p.userId, actorLabel: p.label }
    case 'token':
      return { workspaceId: p.workspaceId, actorKind: 'token', actorId: p.tokenId, actorLabel: p.label }
    case 'setup-link':
      return { workspaceId: p.workspaceId, actorKind: 'setup-link', actorId: p.linkId, actorLabel: 'setup link' }
  }
}

/** Details as they may be stored: allowed keys only, scalars only, short, opaque strings removed, addresses masked. */
export function auditDetails(details: AuditDetails | undefined): AuditEntry['details'] {
  if (!details) return null
  const out: Record<string, string | number | boolean | null> = {}
  let omitted = 0
  for (const [key, value] of Object.entries(details)) {
    if (!AUDIT_DETAIL_KEYS.has(key)) {
      omitted++
      continue
    }
    if (typeof value === 'string') {
      const v = value.trim().slice(0, MAX_DETAIL_CHARS)
      out[key] = looksOpaque(v) ? REDACTED : maskEmails(v)
    } else if (typeof value === 'number') out[key] = Number.isFinite(value) ? value : null
    else if (typeof value === 'boolean' || value === null) out[key] = value
    else omitted++
  }
  if (omitted > 0) out.omittedDetails = omitted
  return Object.keys(out).length > 0 ? out : null
}

/** The request's ID from the proxy or the load balancer, when there is a request (and it looks like an ID). */
async function currentRequestId(): Promise<string | null> {
  try {
    const id = (await headers()).get('x-request-id')
    return id && REQUEST_ID.test(id) ? id : null
  } catch {
    return null // outside a request (tests, scripts)
  }
}

/**
 * Records who did what to what (never a secret or a raw assertion). Called by route handlers and server actions
 * after a change succeeded. A failure to write is logged by code and not thrown: the change itself is done, and
 * answering it with a 500 would make the client retry a change that happened.
 * @example await recordAudit(principal, 'token.revoke', { kind: 'token', id }, { name: token.name })
 */
export async function recordAudit(
  principal: Principal,
  action: string,
  target: AuditTarget,
  details?: AuditDetails,
  o: { store?: Store; requestId?: string } = {},
): Promise<AuditEntry | null> {
  const entry: NewAuditEntry = {
    ...auditActor(principal),
    action,
    targetKind: target.kind,
    targetId: target.id ?? null,
    details: auditDetails(details),
    requestId: o.requestId ?? (await currentRequestId()),
  }
  try {
    return await (o.store ?? (await getStore())).audit.record(entry)
  } catch (err) {
    console.error(`[audit] ERR_AUDIT_WRITE ${action}: ${err instanceof Error ? err.name : typeof err}`)
    return null
  }
}
