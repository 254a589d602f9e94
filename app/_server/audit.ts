import type { Principal } from '@/lib/team/principal'

/** What an audited change is about. */
export interface AuditTarget {
  readonly kind: 'connection' | 'run' | 'report' | 'setup-link' | 'token' | 'member' | 'invitation' | 'workspace'
  readonly id?: string
}

/**
 * Records who did what to what (never a secret or a raw assertion). Called by route handlers and server actions
 * after a change succeeded. Stub until the audit repository lands (team mode, issue 10).
 */
export async function recordAudit(
  _principal: Principal,
  _action: string,
  _target: AuditTarget,
  _details?: Record<string, string | number | boolean | null>,
): Promise<void> {}
