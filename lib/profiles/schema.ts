import { z } from 'zod'

const RequiredAttributeSchema = z.object({
  /** The name the vendor expects in the assertion, exactly. */
  name: z.string().min(1),
  /** Names an IdP may send for the same value; sending one of these instead is a finding that says to rename. */
  aliases: z.array(z.string()).default([]),
  /** error: login fails without it; warning: recommended. */
  level: z.enum(['required', 'recommended']).default('required'),
  /** An empty value counts as missing (Autodesk rejects a blank objectGUID). */
  nonEmpty: z.boolean().default(true),
  /** What the admin maps it from in the IdP, per IdP, for the next step text. */
  source: z.record(z.string(), z.string()).default({}),
})

/** A vendor's SP rules as data. `lib/profiles/*.json` must parse with this schema. */
export const SpProfileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  protocols: z.array(z.enum(['saml', 'oidc'])).min(1),
  saml: z.object({
    /** Regex source the SP entity ID (the IdP's Identifier / Audience) must match. */
    entityIdPattern: z.string().optional(),
    /** Human template shown as "expected" when the admin did not type their own value. */
    entityIdTemplate: z.string().optional(),
    acsUrlPattern: z.string().optional(),
    acsUrlTemplate: z.string().optional(),
    /** Values found in vendor docs / IdP gallery templates that must be replaced by the customer's own. */
    placeholders: z.array(z.object({ field: z.enum(['entityId', 'acsUrl', 'signOnUrl']), value: z.string(), note: z.string().optional() })).default([]),
    requiredAttributes: z.array(RequiredAttributeSchema).default([]),
    /** Namespaced claim URIs (Entra's defaults) are a finding, not an alias. */
    rejectNamespacedAttributeNames: z.boolean().default(false),
    nameIdFormats: z.array(z.string()).default([]),
    /** Must the Assertion itself carry a valid signature (a signed Response alone is not enough)? */
    requireSignedAssertion: z.boolean().default(false),
    /** SHA-1 signatures or digests: 'error' refuses them, 'warning' reports them. */
    sha1: z.enum(['error', 'warning']).default('warning'),
    encryptedAssertions: z.enum(['accepted', 'unsupported']).default('accepted'),
    /** AuthnContextClassRef values the SP accepts; empty = any. */
    authnContexts: z.array(z.string()).default([]),
  }).optional(),
  oidc: z.object({
    scopes: z.array(z.string()).default(['openid', 'email', 'profile']),
    requiredClaims: z.array(RequiredAttributeSchema).default([]),
    redirectUriPattern: z.string().optional(),
    pkce: z.enum(['required', 'recommended']).default('required'),
  }).optional(),
  /** Allowed clock difference, seconds (default 180 = 3 min). */
  clockSkewSeconds: z.number().int().nonnegative().max(3600).default(180),
  /** Certificates expiring within this many days get a warning. */
  certExpiryWarningDays: z.number().int().positive().default(30),
  minRsaBits: z.number().int().default(2048),
  docs: z.array(z.object({ title: z.string(), url: z.string().url() })).default([]),
  /** The vendor's name as users know it ("Autodesk"), for text such as "the vendor (Autodesk)"; a generic profile has none. */
  vendorName: z.string().min(1).optional(),
  /** At most how many test users the vendor asks to sign in before SSO is turned on: a cap, not a target. */
  testUserCap: z.number().int().positive().optional(),
})
export type SpProfile = z.infer<typeof SpProfileSchema>
export type SpProfileInput = z.input<typeof SpProfileSchema>
