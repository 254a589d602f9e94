import { z } from 'zod'

/**
 * The places an admin fixes something at an IdP. A catalog entry names one of these keys; each IdP pack says which
 * screen (per app variant) that key is at. A key a pack lacks renders as a visible "not known" with the pack's docs.
 */
export const ScreenKeySchema = z.enum([
  /** The SP's entity ID as the IdP app stores it (Entra "Identifier", Okta "Audience URI"). */
  'saml.identifier',
  /** The SP's ACS URL as the IdP app stores it (Entra "Reply URL", Okta "Single sign-on URL"). */
  'saml.replyUrl',
  'saml.signOnUrl',
  /** Attribute statements / claims sent to the SP. */
  'saml.claims',
  'saml.nameId',
  /** Where the IdP's signing certificate is made, rolled and downloaded. */
  'saml.signingCertificate',
  /** What is signed (response / assertion) and with which algorithm. */
  'saml.signingOption',
  /** Where the IdP's own SAML metadata (entity ID, SSO URL, certificate) is published. */
  'saml.metadataUrl',
  'oidc.redirectUris',
  'oidc.clientSecret',
  'oidc.claims',
  /** Which users or groups may use the app. */
  'assignment',
  'logs.signIns',
  'logs.audit',
])
export type ScreenKey = z.infer<typeof ScreenKeySchema>

/** Screen texts by key: a path in the IdP's admin console (or config file), as its docs name it. */
export const ScreensSchema = z.partialRecord(ScreenKeySchema, z.string().min(1))
export type Screens = z.infer<typeof ScreensSchema>

/**
 * One condition on an untrusted string, checked with plain string operations (linear, no regex): every member given
 * must hold. `host` matches the URL's host exactly, or any subdomain when written `*.example.com`; the other members
 * compare case-insensitively.
 */
export const MatcherSchema = z
  .strictObject({
    host: z
      .string()
      .regex(/^(\*\.)?[a-z0-9.-]+$/)
      .optional(),
    pathPrefix: z.string().startsWith('/').optional(),
    pathContains: z.string().min(2).optional(),
    prefix: z.string().min(1).optional(),
    suffix: z.string().min(1).optional(),
    contains: z.string().min(2).optional(),
    equals: z.string().min(1).optional(),
  })
  .refine((m) => Object.values(m).some((v) => v !== undefined), 'a matcher needs at least one condition')
export type Matcher = z.infer<typeof MatcherSchema>

/** What identifies the IdP product in each kind of evidence. Every list may be empty (the 'other' pack). */
export const DetectionSchema = z.strictObject({
  /** Metadata entityID. Also tried on a response's Issuer (it is the same value). */
  entityId: z.array(MatcherSchema),
  /** SSO / SLO endpoint URLs of metadata, authorization endpoints of an OIDC discovery document. */
  endpointHost: z.array(MatcherSchema),
  /** Issuer of a SAML response where it differs in form from the metadata's entityID. */
  responseIssuer: z.array(MatcherSchema),
  oidcIssuer: z.array(MatcherSchema),
  /** Text an IdP's own error page carries (an error-code prefix, the page's host). */
  errorPage: z.array(MatcherSchema),
  /** Subject of the IdP's signing certificate (the whole RFC 4514-ish subject string the cert reader gives). */
  certificate: z.array(MatcherSchema),
})
export type Detection = z.infer<typeof DetectionSchema>

export const AppVariantSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** How the admin knows it ("catalog (OIN) app", "custom SAML app (App Integration Wizard)"). */
  label: z.string().min(1),
  /** Screens that differ from the pack's common screens for this kind of app. */
  screens: ScreensSchema,
})
export type AppVariant = z.infer<typeof AppVariantSchema>

/**
 * Everything the tool knows about one IdP product, as data: how to recognise it, its kinds of app, and the screen for
 * every place a fix is made. Every screen text is taken from the IdP's public docs, listed in `docs`; where the docs
 * are silent the screen is left out (the finding then says so, with `docsUrl`).
 */
export const IdpPackSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9]*$/),
  /** The product's name as admins know it. */
  label: z.string().min(1),
  /** The IdP's main admin documentation page: what "not known for this IdP" points at. */
  docsUrl: z.url({ protocol: /^https$/ }),
  /** Every public page the screens and detection signals were checked against. */
  docs: z.array(z.url({ protocol: /^https$/ })).min(1),
  detect: DetectionSchema,
  /** Screens common to every variant. */
  screens: ScreensSchema,
  /** At least one; the first is the default when the variant is not known and all variants agree. */
  variants: z.array(AppVariantSchema).min(1),
})
export type IdpPack = z.infer<typeof IdpPackSchema>

/**
 * A pack as written in its file. It is not parsed at module load: the packs are code, every CLI start would pay for
 * parsing all twelve (about 10 ms of the 60 ms start-up budget), and the schema has no defaults or transforms, so the
 * parsed value is the value itself. `lib/idps/idps.test.ts` parses every registered pack with IdpPackSchema and
 * expects it unchanged: a malformed pack fails there.
 */
export function definePack<const Id extends string>(pack: IdpPack & { id: Id }): IdpPack & { readonly id: Id } {
  return pack
}
