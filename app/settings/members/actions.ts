'use server'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { recordAudit } from '@/app/_server/audit'
import { requireAccess } from '@/app/_server/access'
import { deploymentConfig } from '@/app/_server/deployment'
import { originFromHeaders } from '@/app/connections/_server/http'
import { getStore } from '@/lib/store'
import { RoleSchema } from '@/lib/team/roles'

const str = (form: FormData, k: string) => {
  const v = form.get(k)
  return typeof v === 'string' ? v.slice(0, 200) : ''
}

export type InviteState =
  | { status: 'idle' }
  | { status: 'created'; link: string; role: string; expiresAt: string }
  | { status: 'invalid'; message: string }

/** Creates an invitation; its link is returned to this one render only (stored hashed, shown once). */
export async function createInvitationAction(_prev: InviteState, form: FormData): Promise<InviteState> {
  const principal = await requireAccess('members.manage')
  const role = RoleSchema.safeParse(str(form, 'role'))
  if (!role.success) return { status: 'invalid', message: 'Choose a role: owner, admin or viewer.' }
  const config = deploymentConfig()
  const ttlMs = config.mode === 'team' ? config.invitationMs : 7 * 86_400_000
  const { token, invitation } = await (
    await getStore()
  ).team.createInvitation({
    workspaceId: principal.workspaceId,
    role: role.data,
    createdBy: principal.kind === 'user' ? principal.userId : null,
    ttlMs,
  })
  await recordAudit(principal, 'member.invite', { kind: 'invitation', id: invitation.id }, { role: role.data })
  const origin = config.mode === 'team' ? config.publicUrl.origin : originFromHeaders(await headers())
  return { status: 'created', link: `${origin}/invite/${token}`, role: role.data, expiresAt: invitation.expiresAt }
}

export async function revokeInvitationAction(form: FormData): Promise<void> {
  const principal = await requireAccess('members.manage')
  const id = str(form, 'id')
  if (await (await getStore()).team.revokeInvitation(principal.workspaceId, id)) {
    await recordAudit(principal, 'invitation.revoke', { kind: 'invitation', id })
  }
  redirect('/settings/members')
}

export async function changeRoleAction(form: FormData): Promise<void> {
  const principal = await requireAccess('members.manage')
  const role = RoleSchema.safeParse(str(form, 'role'))
  const userId = str(form, 'userId')
  if (!role.success) redirect('/settings/members')
  const result = await (await getStore()).team.setRole(principal.workspaceId, userId, role.data)
  if (result === 'changed')
    await recordAudit(principal, 'member.role', { kind: 'member', id: userId }, { role: role.data })
  redirect(`/settings/members${result === 'last-owner' ? '?last-owner=1' : ''}`)
}

export async function removeMemberAction(form: FormData): Promise<void> {
  const principal = await requireAccess('members.manage')
  const userId = str(form, 'userId')
  const store = await getStore()
  const result = await store.team.removeMember(principal.workspaceId, userId)
  if (result === 'changed') await recordAudit(principal, 'member.remove', { kind: 'member', id: userId })
  redirect(`/settings/members${result === 'last-owner' ? '?last-owner=1' : ''}`)
}
