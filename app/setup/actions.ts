'use server'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { readVendorCertificate } from '@/lib'
import { getStore, maskValue } from '@/lib/store'
import { requireAccess } from '@/app/_server/access'
import { readConnectionForm, saveConnectionForm } from '@/app/connections/_server/connection-form'
import { staticCheck } from '@/app/connections/_server/static-check'
import { originFromHeaders } from '@/app/connections/_server/http'
import type { ConnectionField, ConnectionFormState } from '@/app/connections/form-state'
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

const str = (form: FormData, k: string) => {
  const v = form.get(k)
  return typeof v === 'string' ? v.trim() : ''
}

/** "Start the setup": saves a SAML connection (the same path as the connection form), then walks it. */
export async function startSetupAction(_prev: ConnectionFormState, form: FormData): Promise<ConnectionFormState> {
  const principal = await requireAccess('connections.write')
  const read = await readConnectionForm(form)
  if (!read.ok) return read.state
  const values = read.value
  const body: Record<string, string> = { protocol: 'saml' }
  for (const k of SAML_FIELDS) if (values[k] !== undefined) body[k] = values[k]
  const saved = await saveConnectionForm(principal, body, values, 'metadataXml')
  if (!saved.ok) return saved.state
  redirect(setupHref(saved.value, { idp: str(form, 'idp'), variant: str(form, 'variant') }))
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
