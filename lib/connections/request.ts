import { z } from 'zod'
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID, isBuiltinProfileId } from '../profiles/index'
import type { SpProfile } from '../profiles/schema'
import type { NewConnection } from '../store/types'
import { spValuesFromMetadata } from './sp-metadata'

const MAX_METADATA_BYTES = 1_000_000
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
const Text = (max: number) => z.preprocess(blank, z.string().trim().max(max, `At most ${max} characters`).optional())
const HttpsUrl = z.preprocess(
  blank,
  z
    .url({ protocol: /^https?$/, error: 'Enter an http:// or https:// URL' })
    .max(2048)
    .optional(),
)

/** "a.com, b.com" (a form) or ["a.com"] (the API). */
const Domains = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/[\s,;]+/).filter(Boolean) : v),
  z
    .array(z.string().regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/i, 'Not a domain name (e.g. contoso.com)'))
    .max(100)
    .optional(),
)

/**
 * A new connection, as the API body and the form both send it. Strict: a `clientSecret` (or any unknown key) is
 * refused rather than silently dropped, so nobody believes it was saved.
 */
export const NewConnectionRequestSchema = z
  .strictObject({
    name: Text(200),
    protocol: z.enum(['saml', 'oidc'], { error: 'Choose SAML or OIDC' }),
    profileId: z.preprocess(blank, z.string().default(DEFAULT_PROFILE_ID)),
    metadataXml: z.preprocess(blank, z.string().max(MAX_METADATA_BYTES, 'The metadata is larger than 1 MB').optional()),
    metadataUrl: HttpsUrl,
    issuer: HttpsUrl,
    clientId: Text(500),
    connectionId: z.preprocess(
      blank,
      z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_-]{1,200}$/, 'Letters, digits, - and _ only')
        .optional(),
    ),
    spEntityId: Text(2048),
    acsUrl: HttpsUrl,
    /** The vendor's SP metadata XML: fills both SP values (entity ID and ACS URL), which carry different IDs. */
    spMetadataXml: z.preprocess(
      blank,
      z.string().max(MAX_METADATA_BYTES, 'The SP metadata is larger than 1 MB').optional(),
    ),
    verifiedDomains: Domains,
  })
  .superRefine((v, ctx) => {
    if (!isBuiltinProfileId(v.profileId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['profileId'],
        message: `Unknown profile; use one of ${Object.keys(BUILTIN_PROFILES).join(', ')}`,
      })
      return
    }
    const profile = BUILTIN_PROFILES[v.profileId]
    if (!profile.protocols.includes(v.protocol)) {
      ctx.addIssue({
        code: 'custom',
        path: ['protocol'],
        message: `The ${profile.id} profile accepts ${profile.protocols.join(' / ').toUpperCase()} only`,
      })
    }
    if (v.protocol === 'saml') {
      for (const issue of placeholderIssues(profile, v)) ctx.addIssue({ code: 'custom', ...issue })
      if (v.metadataXml === undefined && v.metadataUrl === undefined)
        ctx.addIssue({ code: 'custom', path: ['metadataXml'], message: 'Paste the IdP metadata XML or give its URL' })
      if (v.metadataXml !== undefined && v.metadataUrl !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['metadataUrl'],
          message: 'Give either the metadata XML or its URL, not both',
        })
      if (v.spMetadataXml !== undefined) {
        const sp = spValuesFromMetadata(v.spMetadataXml)
        if (!sp.ok) ctx.addIssue({ code: 'custom', path: ['spMetadataXml'], message: sp.reason })
        else {
          if (v.spEntityId !== undefined && v.spEntityId !== sp.spEntityId)
            ctx.addIssue({
              code: 'custom',
              path: ['spEntityId'],
              message: `The SP metadata says ${sp.spEntityId}; leave this empty or make them match`,
            })
          if (v.acsUrl !== undefined && v.acsUrl !== sp.acsUrl)
            ctx.addIssue({
              code: 'custom',
              path: ['acsUrl'],
              message: `The SP metadata says ${sp.acsUrl}; leave this empty or make them match`,
            })
        }
      }
    } else {
      if (v.issuer === undefined)
        ctx.addIssue({ code: 'custom', path: ['issuer'], message: 'Enter the OIDC issuer URL' })
      if (v.clientId === undefined)
        ctx.addIssue({ code: 'custom', path: ['clientId'], message: 'Enter the client ID of the app registration' })
    }
  })
export type NewConnectionRequest = z.infer<typeof NewConnectionRequestSchema>

/**
/**
 * A connection whose SP values are the vendor's documented placeholders (e.g. an ACS ending in `/sso/saml2/1`) would
 * have the admin copy into the IdP exactly what the check then flags as an error: refuse it at creation, on the field.
 */
function placeholderIssues(
  profile: SpProfile,
  r: Pick<NewConnectionRequest, 'spEntityId' | 'acsUrl' | 'spMetadataXml'>,
): { path: string[]; message: string }[] {
  const placeholders = profile.saml?.placeholders ?? []
  if (!placeholders.length) return []
  const filled = vendorSpValues(profile, r)
  const out: { path: string[]; message: string }[] = []
  for (const field of ['spEntityId', 'acsUrl'] as const) {
    const value = filled[field]
    const hit =
      value !== undefined &&
      placeholders.find((p) => p.field === (field === 'spEntityId' ? 'entityId' : 'acsUrl') && p.value === value)
    if (!hit) continue
    out.push({
      path: [r[field] === undefined ? 'spMetadataXml' : field],
      message: `${value} is a placeholder (${hit.note ?? 'from the vendor’s documentation'}), not your connection’s value: copy the real one from the vendor’s SSO console.`,
    })
  }
  return out
}

/**
 * The vendor's two SP values: typed by the admin, else read from the vendor's SP metadata XML. Never built from one
 * ID: a brokered SP's entity ID and ACS URL carry different identifiers, so a value not given stays unset (and the
 * checks say so) rather than guessed.
 */
export function vendorSpValues(
  _profile: SpProfile,
  r: Pick<NewConnectionRequest, 'spEntityId' | 'acsUrl' | 'spMetadataXml'>,
): { spEntityId?: string; acsUrl?: string } {
  const fromMetadata = r.spMetadataXml !== undefined ? spValuesFromMetadata(r.spMetadataXml) : undefined
  const md = fromMetadata?.ok ? fromMetadata : undefined
  const spEntityId = r.spEntityId ?? md?.spEntityId
  const acsUrl = r.acsUrl ?? md?.acsUrl
  return { ...(spEntityId ? { spEntityId } : {}), ...(acsUrl ? { acsUrl } : {}) }
}

/** The row to store. `name` falls back to what the static check learnt (entity ID, issuer) or the URL's host. */
export function toNewConnection(
  r: NewConnectionRequest,
  learnt: { entityId?: string; issuer?: string } = {},
): NewConnection {
  const profile = BUILTIN_PROFILES[isBuiltinProfileId(r.profileId) ? r.profileId : DEFAULT_PROFILE_ID]
  const sp = r.protocol === 'saml' ? vendorSpValues(profile, r) : {}
  const config = {
    ...(r.metadataXml !== undefined ? { idpMetadataXml: r.metadataXml } : {}),
    ...(r.metadataUrl !== undefined ? { metadataUrl: r.metadataUrl } : {}),
    ...(r.issuer !== undefined ? { issuer: r.issuer } : {}),
    ...(r.clientId !== undefined ? { clientId: r.clientId } : {}),
    ...(r.connectionId !== undefined ? { connectionId: r.connectionId } : {}),
    ...sp,
    ...(r.verifiedDomains?.length ? { verifiedDomains: r.verifiedDomains.map((d) => d.toLowerCase()) } : {}),
  }
  return { name: r.name ?? defaultName(r, learnt), protocol: r.protocol, profileId: profile.id, config }
}

function defaultName(r: NewConnectionRequest, learnt: { entityId?: string; issuer?: string }): string {
  const from = learnt.entityId ?? learnt.issuer ?? r.metadataUrl ?? r.issuer
  if (from) {
    try {
      return `${r.protocol.toUpperCase()} · ${new URL(from).host}`
    } catch {
      return `${r.protocol.toUpperCase()} · ${from.slice(0, 100)}`
    }
  }
  return r.protocol === 'saml' ? 'SAML connection' : 'OIDC connection'
}
