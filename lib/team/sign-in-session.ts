import type { Store } from '../store/types'
import type { SignedInIdentity } from '../store/team'
import type { TeamConfig } from './config'

export interface SignedIn {
  readonly token: string
  readonly userId: string
  /** Null: signed in, but a member of no workspace yet (shown the "ask an owner for an invitation" page). */
  readonly workspaceId: string | null
  readonly bootstrapped: boolean
}

/**
 * After the provider vouched for someone: the user row (created on first sign-in), the first-sign-in bootstrap, and a
 * new session. Bootstrap: a user with a verified email in SSO_PREFLIGHT_OWNER_EMAILS, or the very first user while no
 * workspace but 'local' has members (claimed once, atomically: of two simultaneous first sign-ins one wins), becomes
 * owner of a new workspace. Everybody else needs an invitation.
 */
export async function openSession(
  store: Store,
  config: TeamConfig,
  identity: SignedInIdentity & { emailVerified: boolean },
): Promise<SignedIn> {
  const user = await store.team.upsertUser({
    issuer: identity.issuer,
    subject: identity.subject,
    email: identity.email,
    displayName: identity.displayName,
  })
  let workspaces = await store.team.workspacesOf(user.id)
  let bootstrapped = false
  if (workspaces.length === 0) {
    const listedOwner = identity.emailVerified && !!user.email && config.ownerEmails.includes(user.email)
    if (listedOwner || (await store.team.claimFirstOwnership(user.id))) {
      const domain = user.email?.split('@')[1]
      await store.team.createWorkspace({ name: domain ? `${domain} workspace` : 'Team workspace', ownerId: user.id })
      workspaces = await store.team.workspacesOf(user.id)
      bootstrapped = true
    }
  }
  const workspaceId = workspaces[0]?.id ?? null
  const { token } = await store.sessions.create({
    userId: user.id,
    workspaceId,
    idleMs: config.sessionIdleMs,
    absoluteMs: config.sessionAbsoluteMs,
  })
  return { token, userId: user.id, workspaceId, bootstrapped }
}
