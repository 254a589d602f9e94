import { headers } from 'next/headers'
import { PreflightError, type Principal } from '@/lib'
import { recordAudit } from '@/app/_server/audit'
import {
  CONNECTION_FIELDS,
  type ConnectionField,
  type ConnectionFormState,
  type ConnectionFormValues,
  fieldErrorsOf,
  saveFailedMessage,
} from '../form-state'
import { createConnection } from './create-connection'
import { originFromHeaders } from './http'

/*
 * The server side of the connection form, shared by "New connection" and "Start the setup": read what was typed,
 * save it as a connection (with its audit entry), or give back the form's state with the errors by field.
 */

const MAX_ECHO = 200_000
const MAX_METADATA_FILE_BYTES = 1_000_000

export type FormOutcome<T> = { ok: true; value: T } | { ok: false; state: ConnectionFormState }

/** The form's non-blank fields as typed; an uploaded metadata file stands for the pasted XML when none was pasted. */
export async function readConnectionForm(form: FormData): Promise<FormOutcome<ConnectionFormValues>> {
  const values: ConnectionFormValues = {}
  for (const k of CONNECTION_FIELDS) {
    const v = form.get(k)
    if (typeof v === 'string' && v.trim() !== '') values[k] = v
  }
  const file = form.get('metadataFile')
  if (file instanceof File && file.size > 0 && values.metadataXml === undefined) {
    if (file.size > MAX_METADATA_FILE_BYTES)
      return { ok: false, state: invalid(values, { metadataXml: ['The metadata file is larger than 1 MB.'] }) }
    values.metadataXml = await file.text()
  }
  return { ok: true, value: values }
}

/**
 * Saves `body` as a connection of the principal's workspace and records it in the audit log: the new connection's id,
 * or the form's state (the body's issues by field, an issue naming no field going to `fallbackField`).
 */
export async function saveConnectionForm(
  principal: Principal,
  body: Record<string, string>,
  values: ConnectionFormValues,
  fallbackField: ConnectionField,
): Promise<FormOutcome<string>> {
  try {
    const created = await createConnection(body, originFromHeaders(await headers()), principal.workspaceId)
    if (!created.ok) return { ok: false, state: invalid(values, fieldErrorsOf(created.error.issues, fallbackField)) }
    const id = created.connection.id
    await recordAudit(
      principal,
      'connection.create',
      { kind: 'connection', id },
      { name: created.connection.name, protocol: created.connection.protocol },
    )
    return { ok: true, value: id }
  } catch (err) {
    const message = saveFailedMessage(err instanceof PreflightError && err.code === 'ERR_STORE_UNAVAILABLE')
    return { ok: false, state: { status: 'failed', message, fieldErrors: {}, values: echo(values) } }
  }
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
