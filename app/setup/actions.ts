'use server'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { PreflightError, readVendorCertificate } from '@/lib'
import { getStore, maskValue } from '@/lib/store'
import { requireAccess } from '@/app/_server/access'
import { recordAudit } from '@/app/_server/audit'
import { createConnection } from '@/app/connections/_server/create-connection'
import { staticCheck } from '@/app/connections/_server/static-check'
import { originFromHeaders } from '@/app/connections/_server/http'
import {
  CONNECTION_FIELDS,
  type ConnectionField,
  type ConnectionFormState,
  type ConnectionFormValues,
  fieldErrorsOf,
  saveFailedMessage,
} from '@/app/connections/form-state'
import { setupHref, SETUP_QUERY_LIMITS } from './setup-query'

const SAML_FIELDS: readonly ConnectionField[] = [
  'name',
  'profileId',
  'metadataXml',
  'metadataUrl',
  'spEntityId',
  'acsUrl',
  'spMetadataXml',
  'verifiedDomains',
]
const MAX_ECHO = 200_000

const str = (form: FormData, k: string) => {
  const v = form.get(k)
  return typeof v === 'string' ? v.trim() : ''
}

/** "Start the setup": saves a SAML connection (the same path as the connection form), then walks it. */
export async function startSetupAction(_prev: ConnectionFormState, form: FormData): Promise<ConnectionFormState> {
  const principal = await requireAccess('connections.write')
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
  const body: Record<string, string> = { protocol: 'saml' }
  for (const k of SAML_FIELDS) if (values[k] !== undefined) body[k] = values[k]
  let id: string
  try {
    const created = await createConnection(body, originFromHeaders(await headers()), principal.workspaceId)
    if (!created.ok) {
      return invalid(values, fieldErrorsOf(created.error.issues, 'metadataXml'))
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
  redirect(setupHref(id, { idp: str(form, 'idp'), variant: str(form, 'variant') }))
}

/**
 * The certificate uploaded at the vendor: only its thumbprint travels on (in the page's address), never the PEM; text
 * that is no certificate goes on cut short, so the page can say what it was.
 */
export async function vendorCertificateAction(form: FormData): Promise<void> {
  const id = str(form, 'id')
  await requireAccess('connections.read', { connectionId: id })
  const text = str(form, 'certificate')
  const read = text ? readVendorCertificate(text) : undefined
  const cert = !read
    ? ''
    : read.ok
      ? read.sha256
        ? `sha256:${read.sha256.replace(/:/g, '')}`
        : `sha1:${read.sha1}`
      : text.slice(0, SETUP_QUERY_LIMITS.certificate)
  redirect(
    setupHref(id, {
      idp: str(form, 'idp'),
      variant: str(form, 'variant'),
      cert,
      emails: form.getAll('emails').filter((e): e is string => typeof e === 'string'),
    }),
  )
}

/**
 * Existing account emails of test users at the vendor: masked here with the store's key (as stored runs are), in the
 * given and the lower-case form, so the address never reaches the page's address or the logs.
 */
export async function accountEmailsAction(form: FormData): Promise<void> {
  const id = str(form, 'id')
  await requireAccess('connections.read', { connectionId: id })
  await getStore() // installs the masking key
  const emails = str(form, 'accountEmails')
    .split(/[\s,;]+/)
    .filter((e) => e.includes('@'))
    .slice(0, SETUP_QUERY_LIMITS.emails)
  const masked = emails.map((e) => [...new Set([maskValue(e), maskValue(e.toLowerCase())])].join('|'))
  redirect(
    setupHref(id, { idp: str(form, 'idp'), variant: str(form, 'variant'), cert: str(form, 'cert'), emails: masked }),
  )
}

/** "Check the metadata again": the same static check as at creation, on the saved XML or a fresh fetch of the URL. */
export async function recheckMetadataAction(form: FormData): Promise<void> {
  const id = str(form, 'id')
  const principal = await requireAccess('connections.write', { connectionId: id })
  const store = await getStore()
  // Another workspace's connection is treated as unknown.
  const c = id ? await store.connections.get(id, principal.workspaceId) : null
  if (c?.protocol === 'saml') {
    const { idpMetadataXml, metadataUrl, spEntityId, acsUrl } = c.config
    const check = await staticCheck(
      {
        protocol: 'saml',
        profileId: c.profileId,
        ...(idpMetadataXml !== undefined ? { metadataXml: idpMetadataXml } : {}),
        ...(metadataUrl !== undefined ? { metadataUrl } : {}),
      },
      { ...(spEntityId ? { spEntityId } : {}), ...(acsUrl ? { acsUrl } : {}) },
      originFromHeaders(await headers()),
    )
    if (check.ok) await store.connections.setStaticReport(c.id, check.report)
  }
  redirect(
    setupHref(id, {
      idp: str(form, 'idp'),
      variant: str(form, 'variant'),
      cert: str(form, 'cert'),
      emails: form.getAll('emails').filter((e): e is string => typeof e === 'string'),
    }),
  )
}

function invalid(
  values: ConnectionFormValues,
  fieldErrors: Partial<Record<ConnectionField, string[]>>,
): ConnectionFormState {
  return { status: 'invalid', message: 'Please correct the highlighted fields.', fieldErrors, values: echo(values) }
}

function echo(values: ConnectionFormValues): ConnectionFormValues {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v.length <= MAX_ECHO))
}
