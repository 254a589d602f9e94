import { z } from 'zod'
import { IDP_IDS } from '../idps/registry'
import type { ScreenKey } from '../idps/schema'

/** Where the fix is made — not who is to blame. */
export const OwnerSchema = z.enum(['idp', 'vendor', 'end-user'])
export type Owner = z.infer<typeof OwnerSchema>

export const SeveritySchema = z.enum(['error', 'warning', 'info'])
export type Severity = z.infer<typeof SeveritySchema>

/** The IdP product a document or login came from; drives the "fix at" screen paths. One id per pack in lib/idps. */
export const IdpKindSchema = z.enum(IDP_IDS)
export type IdpKind = z.infer<typeof IdpKindSchema>

/**
 * The timeline step of a test login a finding belongs to (lib/testlogin/check-steps.ts shows one line per check and
 * lists each finding under its step). `idp-answer` is the IdP's own error (an AADSTS / Okta code): the Status step of
 * a SAML login, the authorization response of an OIDC one. A step no check claims (`run`, `saml.message`) gets a
 * line of its own per finding.
 */
export const CheckStepSchema = z.enum([
  'run',
  'idp-answer',
  'saml.message',
  'saml.status',
  'saml.issuer',
  'saml.signature',
  'saml.audience',
  'saml.recipient',
  'saml.inResponseTo',
  'saml.times',
  'saml.nameId',
  'saml.authnStatement',
  'saml.attributes',
  'oidc.authorize',
  'oidc.codeExchange',
  'oidc.idToken.signature',
  'oidc.idToken.iss',
  'oidc.idToken.aud',
  'oidc.idToken.times',
  'oidc.idToken.nonce',
  'oidc.userinfo',
  'oidc.claims',
])
export type CheckStep = z.infer<typeof CheckStepSchema>

/** What a check saw: both values whenever there is something to compare. Extra members (now, tolerance, ...) are data too. */
export const EvidenceSchema = z.looseObject({
  expected: z.unknown().optional(),
  actual: z.unknown().optional(),
  where: z.string().optional(),
})
export type Evidence = z.infer<typeof EvidenceSchema>

/** Per-IdP text: the exact admin screen (fixAt) or log view (logs) for each IdP we know. */
export type PerIdp = Partial<Record<IdpKind, string>>

/**
 * One row of the catalog, in the shape of the seed triage table:
 * Issue (title) | Choose this if (symptom) | Fastest next step | Important | Who owns the resolution | Related articles.
 */
export interface CatalogEntry {
  readonly severity: Severity
  readonly owner: Owner
  /** Issue: what went wrong, in the admin's words. */
  readonly title: string
  /** Choose this if: what the user sees; also what text search in triage matches against. */
  readonly symptom: string
  /** Why it matters / what exactly is wrong. Values live in the evidence, not here. */
  readonly detail: string
  /** Fastest next step. */
  readonly nextStep: string
  readonly important?: string
  /**
   * The exact screen to change, per IdP (owner 'idp' entries need entra and okta, here or through `screen`). Wins
   * over `screen` for the IdPs it names: for a screen specific to this entry.
   */
  readonly fixAt?: PerIdp
  /** The common screen to change, by key: each IdP's pack (lib/idps) says where it is for that IdP and app variant. */
  readonly screen?: ScreenKey
  /** Where to look in the IdP's own logs. Wins over `logsScreen` for the IdPs it names. */
  readonly logs?: PerIdp
  /** The IdP's log view, by key (logs.signIns, logs.audit). */
  readonly logsScreen?: ScreenKey
  /** Related articles (URLs or titles). */
  readonly docs?: readonly string[]
  /** Extra search terms (error codes, message fragments) for triage text search. */
  readonly aliases?: readonly string[]
  /**
   * The IdP's own code this entry explains (AADSTS50011, Okta's E0000004, a SAML status URI): the key by which the
   * checks, the test-login error paths, HAR triage and explain all find this one entry. Unique across the catalog.
   */
  readonly idpCode?: string
  /** The test-login timeline step this finding is shown under; every entry a test login can emit has one. */
  readonly step?: CheckStep
}

export const FindingSchema = z.object({
  code: z.string().regex(/^(SAML|OIDC|CERT|INPUT|NET|TRIAGE)_[A-Z0-9_]+$/),
  severity: SeveritySchema,
  owner: OwnerSchema,
  title: z.string(),
  detail: z.string(),
  nextStep: z.string(),
  important: z.string().optional(),
  fixAt: z.string().optional(),
  logs: z.string().optional(),
  evidence: EvidenceSchema,
  docs: z.array(z.string()).optional(),
})
/** A finding as data: code, owner, words from the catalog, evidence from the check. */
export type Finding = z.infer<typeof FindingSchema>
