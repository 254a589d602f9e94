import { z } from 'zod'
import { IdpKindSchema } from '@/lib/findings'
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID, type BuiltinProfileId } from '@/lib/profiles'

/** Per input document. Real metadata is well under 100 KB; 5 MB leaves room for aggregates and HAR-sized pastes. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024
export const MAX_INPUT_LABEL = '5 MB'

/** The built-in profiles, default first, labelled with their own names (vendor words live in the profiles). */
const PROFILE_IDS = [
  DEFAULT_PROFILE_ID,
  ...(Object.keys(BUILTIN_PROFILES) as BuiltinProfileId[]).filter((id) => id !== DEFAULT_PROFILE_ID),
] as [BuiltinProfileId, ...BuiltinProfileId[]]
export const PROFILE_OPTIONS = PROFILE_IDS.map((id) => ({ id, label: BUILTIN_PROFILES[id].name }))

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

/** A value the admin typed: trimmed, blank means "not given". */
const Typed = z.preprocess(blankToUndefined, z.string().trim().max(2048, 'At most 2,048 characters').optional())

const Document = z
  .string()
  .max(
    MAX_INPUT_BYTES,
    `The input is larger than ${MAX_INPUT_LABEL}; upload the document itself, not an archive or log.`,
  )

/** JSON documents arrive as text (form, paste) or as objects (API): both become text for the checks. */
const JsonDocument = z.union([Document, z.record(z.string(), z.unknown()).transform((o) => JSON.stringify(o))])

// Any absolute URL passes here: lib/net fetches only http(s) and answers another scheme (file:, data:, javascript:)
// with the NET_SCHEME_NOT_ALLOWED finding, as the CLI does, so the admin reads why instead of a bare form error.
const HttpUrl = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .max(2048)
    .refine((s) => URL.canParse(s), 'Enter an absolute http:// or https:// URL')
    .optional(),
)

const Now = z.preprocess(
  blankToUndefined,
  z
    .union([z.iso.datetime({ offset: true }), z.iso.date()], {
      error: 'Use an ISO 8601 time such as 2026-01-31T12:00:00Z',
    })
    .transform((s) => new Date(s))
    .optional(),
)

/** A built-in profile by id, or (API only) a whole custom profile object, validated later by parseProfile. */
const Profile = z
  .union([z.enum(PROFILE_IDS), z.record(z.string(), z.unknown())], {
    error: `Choose one of the profiles ${PROFILE_IDS.join(', ')}`,
  })
  .default(DEFAULT_PROFILE_ID)

const common = { profile: Profile, now: Now }

function exactlyOne(fields: readonly [string, string], message: string) {
  return (v: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const given = fields.filter((f) => v[f] !== undefined)
    if (given.length === 1) return
    ctx.addIssue({
      code: 'custom',
      path: [fields[0]],
      message: given.length ? `Give either ${fields.join(' or ')}, not both` : message,
    })
  }
}

export const MetadataCheckSchema = z
  .object({
    kind: z.literal('saml-metadata'),
    xml: Document.optional(),
    url: HttpUrl,
    spEntityId: Typed,
    acsUrl: Typed,
    signOnUrl: Typed,
    idp: z.preprocess(blankToUndefined, IdpKindSchema.optional()),
    ...common,
  })
  .superRefine(exactlyOne(['xml', 'url'], 'Upload, paste or link the IdP metadata'))

export const OidcCheckSchema = z
  .object({
    kind: z.literal('oidc-discovery'),
    discovery: JsonDocument.optional(),
    url: HttpUrl,
    jwks: z.preprocess(blankToUndefined, JsonDocument.optional()),
    expectedIssuer: Typed,
    clientId: Typed,
    redirectUri: Typed,
    ...common,
  })
  .superRefine(exactlyOne(['discovery', 'url'], 'Upload or paste the discovery document, or enter the issuer URL'))

export const ResponseCheckSchema = z
  .object({
    kind: z.literal('saml-response'),
    response: Document.optional(),
    idpMetadata: Document.optional(),
    idpMetadataUrl: HttpUrl,
    requestId: Typed,
    spEntityId: Typed,
    acsUrl: Typed,
    ...common,
  })
  .superRefine((v, ctx) => {
    if (v.response === undefined)
      ctx.addIssue({ code: 'custom', path: ['response'], message: 'Upload or paste the SAML response' })
    exactlyOne(['idpMetadata', 'idpMetadataUrl'], 'The IdP metadata is needed: its certificates verify the signature')(
      v,
      ctx,
    )
  })

export const CheckRequestSchema = z.discriminatedUnion('kind', [
  MetadataCheckSchema,
  OidcCheckSchema,
  ResponseCheckSchema,
])
export type CheckRequest = z.infer<typeof CheckRequestSchema>
export type MetadataCheck = z.infer<typeof MetadataCheckSchema>
export type OidcCheck = z.infer<typeof OidcCheckSchema>
export type ResponseCheck = z.infer<typeof ResponseCheckSchema>
export type CheckKind = CheckRequest['kind']
