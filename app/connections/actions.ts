'use server'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { PreflightError } from '@/lib'
import { getStore } from '@/lib/store'
import { requireAccess } from '@/app/_server/access'
import { recordAudit } from '@/app/_server/audit'
import { createConnection } from './_server/create-connection'
import { originFromHeaders } from './_server/http'
import {
  CONNECTION_FIELDS,
  type ConnectionField,
  type ConnectionFormState,
  type ConnectionFormValues,
  fieldErrorsOf,
  saveFailedMessage,
} from './form-state'

const MAX_ECHO = 200_000

/** Server action behind "New connection": FormData → createConnection → the connection page, or the form with errors. */
export async function createConnectionAction(_prev: ConnectionFormState, form: FormData): Promise<ConnectionFormState> {
  const principal = await requireAccess('connections.write')
  // A setup link edits its one connection; it never creates another.
  if (principal.kind === 'setup-link') redirect('/auth/refused?action=connections.write')
  const values: ConnectionFormValues = {}
  for (const k of CONNECTION_FIELDS) {
    const v = form.get(k)
    if (typeof v === 'string' && v.trim() !== '') values[k] = v
  }
  const file = form.get('metadataFile')
  if (file instanceof File && file.size > 0 && values.metadataXml === undefined) {
    if (file.size > 1_000_000) return invalid(values, { metadataXml: ['The metadata file is larger than 1 MB.'] })
    values.metadataXml = await file.text()
  }
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
  let id: string
  try {
    const created = await createConnection(body, originFromHeaders(await headers()), principal.workspaceId)
    if (!created.ok) {
      return invalid(values, fieldErrorsOf(created.error.issues, 'protocol'))
    }
    id = created.connection.id
    await recordAudit(
      principal,
      'connection.create',
      { kind: 'connection', id },
      { name: created.connection.name, protocol: created.connection.protocol },
    )
  } catch (err) {
    const message = saveFailedMessage(err instanceof PreflightError && err.code === 'ERR_STORE_UNAVAILABLE')
    return { status: 'failed', message, fieldErrors: {}, values: echo(values) }
  }
  redirect(`/connections/${id}`)
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

function invalid(
  values: ConnectionFormValues,
  fieldErrors: Partial<Record<ConnectionField, string[]>>,
): ConnectionFormState {
  return { status: 'invalid', message: 'Please correct the highlighted fields.', fieldErrors, values: echo(values) }
}

// Huge pastes are not sent back to the browser.
function echo(values: ConnectionFormValues): ConnectionFormValues {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v.length <= MAX_ECHO))
}

function pick(v: ConnectionFormValues, keys: readonly ConnectionField[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const k of keys) if (v[k] !== undefined) out[k] = v[k]
  return out
}
