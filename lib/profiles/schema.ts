import { z } from 'zod'

const RequiredAttributeSchema = z.object({
  /** The name the vendor expects in the assertion, exactly. */
  name: z.string().min(1),
  /** Names an IdP may send for the same value; sending one of these instead is a finding that says to rename. */
  aliases: z.array(z.string()).default([]),
  /** error: login fails without it; warning: recommended. */
  level: z.enum(['required', 'recommended']).default('required'),
  /** An empty value counts as missing (a vendor may reject a blank immutable ID such as objectGUID). */
  nonEmpty: z.boolean().default(true),
  /** What the admin maps it from in the IdP, per IdP, for the next step text. */
  source: z.record(z.string(), z.string()).default({}),
  /** The value must never change for the same user (a changed value makes the vendor see a new person). */
  immutable: z.boolean().default(false),
})

const DocLinkSchema = z.object({ title: z.string(), url: z.string().url() })

/** One place in the vendor's admin console, as the words on its screens (joined with › when shown). */
const ConsolePathSchema = z.array(z.string().min(1)).min(1)

/** One step of the vendor's own setup flow, in the vendor's order and words. */
const SetupStepSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  /** Where in the vendor console (or the IdP, for `at: 'idp'`) the step is done. */
  at: z.enum(['vendor', 'idp']),
  detail: z.string().optional(),
})

/** An IdP the vendor documents, with its own setup guide. `id` is our IdP kind where we have one. */
const SupportedIdpSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string(),
  guide: z.string().url().optional(),
})

/** A named IdP app variant the vendor tells admins to use (e.g. a catalog / gallery app), with its screens. */
const IdpAppVariantSchema = z.object({
  idp: z.string(),
  label: z.string(),
  /** Where the SP values are entered in this variant. */
  spValuesAt: z.string(),
  attributesPreconfigured: z.boolean().default(false),
  guide: z.string().url().optional(),
})

/**
 * Everything vendor-specific that is not a SAML rule: the console's screens and words, the setup flow, the IdPs the
 * vendor supports, the test-user cap. Code reads these instead of naming the vendor.
 */
export const VendorSchema = z.object({
  /** The vendor's name as users see it. */
  name: z.string().min(1),
  /** The vendor's support, as the owner of vendor-side fixes ("<vendor> Support"). */
  support: z.string().min(1),
  /** Host names the vendor serves its own pages from (a HAR hop there is the vendor's, not the IdP's); subdomains count. */
  hosts: z.array(z.string().regex(/^[a-z0-9.-]+$/)).default([]),
  spValues: z.object({
    /** Label and example of the SP entity ID (the IdP's Identifier / Audience URI). */
    entityId: z.object({ label: z.string(), example: z.string(), hint: z.string() }),
    /** Label and example of the ACS URL (the IdP's Reply URL / Single sign-on URL). */
    acsUrl: z.object({ label: z.string(), example: z.string(), hint: z.string() }),
    /** Where in the vendor console both values are shown. */
    shownAt: ConsolePathSchema,
    /** Hint for the SP metadata XML input (fills both values). */
    metadataHint: z.string(),
  }),
  console: z.object({
    /** From the console's start to the connection's page. */
    connection: ConsolePathSchema,
    /** The step names the connection's page shows, in order. */
    connectionSteps: z.array(z.string()).min(1),
    /** Where the IdP certificate uploaded at the vendor is replaced. */
    certificate: ConsolePathSchema,
    /** Where SSO is turned on. */
    turnOn: ConsolePathSchema,
  }),
  setupSteps: z.array(SetupStepSchema).min(1),
  supportedIdps: z.array(SupportedIdpSchema).min(1),
  idpAppVariants: z.array(IdpAppVariantSchema).default([]),
  /** Test users that can be linked before turn-on: a cap, not a target. */
  testUserCap: z.number().int().positive(),
  /** What turning SSO on means, in the vendor's words. */
  turnOnMeans: z.string(),
  /** The vendor's own certificate renewal sequence (it holds one IdP certificate). */
  certificateRenewal: z.string(),
  /** SP-initiated only, IdP-initiated too, or not documented. */
  initiation: z.enum(['sp-only', 'sp-and-idp', 'unknown']).default('unknown'),
  docs: z.array(DocLinkSchema).default([]),
})
export type Vendor = z.infer<typeof VendorSchema>

/** A vendor's SP rules as data. `lib/profiles/*.json` must parse with this schema. */
export const SpProfileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  protocols: z.array(z.enum(['saml', 'oidc'])).min(1),
  saml: z
    .object({
      /** Regex source the SP entity ID (the IdP's Identifier / Audience) must match. */
      entityIdPattern: z.string().optional(),
      /** Human template shown as "expected" when the admin did not type their own value. */
      entityIdTemplate: z.string().optional(),
      acsUrlPattern: z.string().optional(),
      acsUrlTemplate: z.string().optional(),
      /** Values found in vendor docs / IdP gallery templates that must be replaced by the customer's own. */
      placeholders: z
        .array(
          z.object({
            field: z.enum(['entityId', 'acsUrl', 'signOnUrl']),
            value: z.string(),
            note: z.string().optional(),
          }),
        )
        .default([]),
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
    })
    .optional(),
  oidc: z
    .object({
      scopes: z.array(z.string()).default(['openid', 'email', 'profile']),
      requiredClaims: z.array(RequiredAttributeSchema).default([]),
      redirectUriPattern: z.string().optional(),
      pkce: z.enum(['required', 'recommended']).default('required'),
    })
    .optional(),
  /**
   * A host under a reserved example domain (RFC 2606 / 6761: example.com, .test, .invalid...): 'warning' where test
   * IdPs live (the generic profile), 'error' for a vendor, whose service can never reach such a host.
   */
  reservedExampleDomains: z.enum(['error', 'warning']).default('error'),
  /** Allowed clock difference, seconds (default 180 = 3 min). */
  clockSkewSeconds: z.number().int().nonnegative().max(3600).default(180),
  /** Certificates expiring within this many days get a warning. */
  certExpiryWarningDays: z.number().int().positive().default(30),
  minRsaBits: z.number().int().default(2048),
  docs: z.array(DocLinkSchema).default([]),
  /** Vendor-specific data; absent for a generic profile, which has no vendor words. */
  vendor: VendorSchema.optional(),
})
export type SpProfile = z.infer<typeof SpProfileSchema>
export type SpProfileInput = z.input<typeof SpProfileSchema>
