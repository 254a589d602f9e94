'use server'
import { redirect } from 'next/navigation'
import { getStore } from '@/lib/store'
import { requireAccess } from '@/app/_server/access'
import { recordAudit } from '@/app/_server/audit'
import { readConnectionForm, saveConnectionForm } from './_server/connection-form'
import type { ConnectionField, ConnectionFormState, ConnectionFormValues } from './form-state'

/** Server action behind "New connection": FormData → createConnection → the connection page, or the form with errors. */
export async function createConnectionAction(_prev: ConnectionFormState, form: FormData): Promise<ConnectionFormState> {
  const principal = await requireAccess('connections.write')
  // A setup link edits its one connection; it never creates another.
  if (principal.kind === 'setup-link') redirect('/auth/refused?action=connections.write')
  const read = await readConnectionForm(form)
  if (!read.ok) return read.state
  const values = read.value
  // Only the fields of the chosen protocol count: a leftover metadata URL must not fail an OIDC connection.
  const body =
    values.protocol === 'oidc'
      ? pick(values, ['name', 'protocol', 'profileId', 'issuer', 'clientId'])
      : pick(values, [
          'name',
          'protocol',
          'profileId',
          'metadataXml',
          'metadataUrl',
          'connectionId',
          'spEntityId',
          'acsUrl',
          'spMetadataXml',
          'verifiedDomains',
        ])
  const saved = await saveConnectionForm(principal, body, values, 'protocol')
  if (!saved.ok) return saved.state
  redirect(`/connections/${saved.value}`)
}

/** Deletes a connection and its runs (the page asked first), then back to the list, which says what was deleted. */
export async function deleteConnectionAction(form: FormData): Promise<void> {
  const id = form.get('id')
  if (typeof id !== 'string' || !id) redirect('/connections')
  const principal = await requireAccess('connections.delete')
  const store = await getStore()
  const found = await store.connections.get(id, principal.workspaceId)
  // A setup link's principal never reaches here (no connections.delete); the check keeps the row's workspace in it.
  const connection =
    found && (await requireAccess('connections.delete', { workspaceId: found.workspaceId, connectionId: found.id }))
      ? found
      : null
  const deleted = connection ? await store.connections.delete(id, connection.workspaceId) : false
  if (deleted && connection)
    await recordAudit(principal, 'connection.delete', { kind: 'connection', id }, { name: connection.name })
  redirect(
    deleted && connection
      ? `/connections?deleted=${encodeURIComponent(connection.name.slice(0, 200))}`
      : '/connections?deleted-missing=1',
  )
}

function pick(v: ConnectionFormValues, keys: readonly ConnectionField[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const k of keys) if (v[k] !== undefined) out[k] = v[k]
  return out
}
