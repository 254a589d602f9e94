import { z } from 'zod'
import { ReportSchema, TimelineStepSchema } from '../findings/report'
import type { Report, TimelineStep } from '../findings/report'
import type { ApiTokenRepository, AuditRepository, SetupLinkRepository } from './team-types'
import type { LoginSecretRepository } from './login-secrets'
import type { RateLimitRepository } from './rate-limits'
import type { WatchRepository } from './watch'
import type { SessionRepositoryWithSwitch } from './sessions'
import type { TeamRepository } from './team'

/*
 * The stored rows, as zod schemas (the database is a boundary too: every row is parsed on the way out).
 * Dates travel as ISO strings, like the Report's `checkedAt`. Nothing here may hold a secret: a client secret,
 * a password or a raw token has no column, and `pending` refuses keys that name one.
 */

/** 128-bit random, base64url: unguessable, so a link is the only way in. */
export const StoreIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/)

/** A date column as stored (Date or text), read as ISO 8601 text; anything that is no date is an issue, not a throw. */
export const IsoDate = z.union([z.date(), z.string()]).transform((v, ctx) => {
  const d = v instanceof Date ? v : new Date(v)
  if (Number.isNaN(d.getTime())) {
    ctx.addIssue({ code: 'custom', message: 'not a date' })
    return z.NEVER
  }
  return d.toISOString()
})
const NullableIsoDate = z.union([IsoDate, z.null()])

export const ProtocolSchema = z.enum(['saml', 'oidc'])
export type Protocol = z.infer<typeof ProtocolSchema>

const SECRET_KEY = /secret|password|passwd|private_?key|client_?assertion/i

/** What the admin gave us about their IdP and the vendor's side. Strict: an unknown key (a client secret!) is refused. */
export const ConnectionConfigSchema = z.strictObject({
  idpMetadataXml: z.string().max(1_000_000).optional(),
  metadataUrl: z.url().optional(),
  issuer: z.url().optional(),
  clientId: z.string().max(500).optional(),
  /** The vendor's SP entity ID (the profile's vendor.spValues.entityId shows its shape). */
  spEntityId: z.string().max(2000).optional(),
  /** The vendor's ACS URL (the reply URL the IdP will use once SSO is on). */
  acsUrl: z.string().max(2000).optional(),
  /** The vendor's unique ID for this SSO connection, as its console shows it. */
  connectionId: z.string().max(500).optional(),
  verifiedDomains: z.array(z.string().max(253)).max(100).optional(),
})
export type ConnectionConfig = z.infer<typeof ConnectionConfigSchema>

export const ConnectionSchema = z.object({
  id: StoreIdSchema,
  /** The workspace it belongs to ('local' in local mode); another workspace's members never see it. */
  workspaceId: z.string(),
  name: z.string(),
  protocol: ProtocolSchema,
  profileId: z.string(),
  config: ConnectionConfigSchema,
  /** The static check of the configuration (metadata / discovery), masked. */
  staticReport: ReportSchema.nullable(),
  createdAt: IsoDate,
  expiresAt: IsoDate,
})
export type Connection = z.infer<typeof ConnectionSchema>

export const NewConnectionSchema = z.object({
  name: z.string().trim().min(1).max(200),
  protocol: ProtocolSchema,
  profileId: z.string().min(1).max(100),
  config: ConnectionConfigSchema,
  staticReport: ReportSchema.nullable().optional(),
  workspaceId: z.string().min(1).max(64).default('local'),
})
export type NewConnection = z.input<typeof NewConnectionSchema>

export const RunStatusSchema = z.enum(['pending', 'completed', 'failed'])
export type RunStatus = z.infer<typeof RunStatusSchema>

/**
 * Server-side state a pending test login needs at the callback (request ID, RelayState, PKCE verifier, nonce...).
 * Short-lived, cleared when the run completes. A key naming a secret (client secret, password) is refused.
 */
export const PendingStateSchema = z
  .record(z.string(), z.unknown())
  .refine((o) => !Object.keys(o).some((k) => SECRET_KEY.test(k)), { message: 'pending state must not hold a secret' })
export type PendingState = z.infer<typeof PendingStateSchema>

/** A test login (SAML or OIDC), also called a run. */
export const TestLoginRunSchema = z.object({
  id: StoreIdSchema,
  /** Its connection's workspace. */
  workspaceId: z.string(),
  connectionId: StoreIdSchema.nullable(),
  protocol: ProtocolSchema,
  /** The lookup key from the IdP's answer: the AuthnRequest ID (InResponseTo) or the OIDC `state`. */
  stateKey: z.string(),
  status: RunStatusSchema,
  /** The signed-in test user, masked (j…·3fa2c1@example.com: first letter, keyed hash, domain; see lib/store/mask.ts). */
  testUser: z.string().nullable(),
  /** A keyed hash of the unmasked user: counts distinct users without storing who they are. */
  testUserKey: z.string().nullable(),
  /** Masked unless the run was stored raw on purpose. */
  report: ReportSchema.nullable(),
  timeline: z.array(TimelineStepSchema),
  pending: PendingStateSchema.nullable(),
  createdAt: IsoDate,
  completedAt: NullableIsoDate,
  /** Set once, when the IdP's answer for this run was accepted; a replay finds it set. */
  consumedAt: NullableIsoDate,
  expiresAt: IsoDate,
})
export type TestLoginRun = z.infer<typeof TestLoginRunSchema>

export const NewRunSchema = z.object({
  connectionId: StoreIdSchema.nullable().optional(),
  protocol: ProtocolSchema,
  stateKey: z.string().min(1).max(500),
  pending: PendingStateSchema.optional(),
  timeline: z.array(TimelineStepSchema).optional(),
  /** Pending runs are short-lived (default 15 minutes); completion extends the row to the retention period. */
  ttlSeconds: z.number().int().positive().optional(),
  /** Without a connection ('local' by default); with one, the run always takes the connection's workspace. */
  workspaceId: z.string().min(1).max(64).optional(),
})
export type NewRun = z.input<typeof NewRunSchema>

export const RunResultSchema = z.object({
  status: z.enum(['completed', 'failed']),
  report: ReportSchema,
  /** The unmasked user (email, NameID, sub): the store masks it and keeps only a keyed hash for counting. */
  testUser: z.string().max(2000).nullable().optional(),
  /** Replaces the run's timeline when given (the report's own timeline is stored inside the report). */
  timeline: z.array(TimelineStepSchema).optional(),
})
export type RunResult = z.input<typeof RunResultSchema>

export const SavedReportKindSchema = z.enum(['report', 'test-login', 'triage', 'support-bundle'])
export type SavedReportKind = z.infer<typeof SavedReportKindSchema>

/** Raw material the user explicitly chose to attach (never stored otherwise). */
export const AttachmentsSchema = z.strictObject({
  rawSamlResponse: z.string().max(2_000_000).optional(),
  rawIdToken: z.string().max(100_000).optional(),
  rawMetadata: z.string().max(1_000_000).optional(),
})
export type Attachments = z.infer<typeof AttachmentsSchema>

export const SavedReportSchema = z.object({
  id: StoreIdSchema,
  workspaceId: z.string(),
  kind: SavedReportKindSchema,
  report: ReportSchema,
  /** Extra context a support bundle carries (configuration summary, IdP-side identifiers), masked like the report. */
  context: z.record(z.string(), z.unknown()).nullable(),
  attachments: AttachmentsSchema.nullable(),
  /** True when the report was stored without masking (the user opted in). */
  raw: z.boolean(),
  createdAt: IsoDate,
  expiresAt: IsoDate,
})
export type SavedReport = z.infer<typeof SavedReportSchema>

export const NewSavedReportSchema = z.object({
  kind: SavedReportKindSchema.default('report'),
  report: ReportSchema,
  context: z.record(z.string(), z.unknown()).optional(),
  attachments: AttachmentsSchema.optional(),
  /** Store personal values unmasked. Off by default; only an explicit user choice sets it. */
  raw: z.boolean().default(false),
  workspaceId: z.string().min(1).max(64).default('local'),
})
export type NewSavedReport = z.input<typeof NewSavedReportSchema>

export interface StoreHealth {
  /** 'current': every migration of this code is applied; 'behind': some are missing; 'ahead': the database has newer ones. */
  readonly migrations: 'current' | 'behind' | 'ahead'
  readonly applied: number
  readonly expected: number
}

export interface PurgeResult {
  connections: number
  runs: number
  savedReports: number
  setupLinks: number
  loginSecrets?: number
  rateLimits?: number
  webhookDeliveries?: number
}

export interface ConnectionRepository {
  create(input: NewConnection): Promise<Connection>
  /** With `workspaceId`, a row of another workspace is null like an unknown one (team mode always passes it). */
  get(id: string, workspaceId?: string): Promise<Connection | null>
  /** Newest first; expired rows are not listed; `config.idpMetadataXml` is left out (get(id) has it). */
  list(o?: { limit?: number; workspaceId?: string }): Promise<Connection[]>
  /** Stores (masked) the static check of the configuration. */
  setStaticReport(id: string, report: Report): Promise<void>
  /** Deletes the connection and all its runs. False when it did not exist. */
  delete(id: string, workspaceId?: string): Promise<boolean>
}

export interface RunRepository {
  create(input: NewRun): Promise<TestLoginRun>
  get(id: string, workspaceId?: string): Promise<TestLoginRun | null>
  /** The run whose AuthnRequest ID / OIDC state is `stateKey` (consumed or not), or null. */
  findByKey(stateKey: string): Promise<TestLoginRun | null>
  /**
   * Atomically marks the run for `stateKey` consumed and returns it — to exactly one caller. Null when the key is
   * unknown, expired or already consumed (a replayed response or code).
   */
  consume(stateKey: string): Promise<TestLoginRun | null>
  /** Appends steps to a run's timeline (e.g. 'request-sent' before the redirect to the IdP). */
  appendTimeline(id: string, steps: readonly TimelineStep[]): Promise<void>
  /** Records the outcome: masks the report and user, clears `pending`, extends expiry to the retention period. */
  complete(id: string, result: RunResult): Promise<TestLoginRun | null>
  /** Newest first. */
  listByConnection(connectionId: string, workspaceId?: string): Promise<TestLoginRun[]>
}

export interface SavedReportRepository {
  /** Validates with ReportSchema and masks (unless `raw`); the id is 128-bit random. */
  save(input: NewSavedReport): Promise<SavedReport>
  /** Null when unknown or expired. */
  get(id: string, workspaceId?: string): Promise<SavedReport | null>
  delete(id: string, workspaceId?: string): Promise<boolean>
}

export interface Store {
  readonly kind: 'pglite' | 'postgres'
  readonly retentionDays: number
  readonly connections: ConnectionRepository
  readonly runs: RunRepository
  readonly savedReports: SavedReportRepository
  readonly apiTokens: ApiTokenRepository
  readonly setupLinks: SetupLinkRepository
  readonly audit: AuditRepository
  readonly loginSecrets: LoginSecretRepository
  readonly rateLimits: RateLimitRepository
  readonly watch: WatchRepository
  /** The database answers and its schema is the one this code expects (/api/health). */
  health(): Promise<StoreHealth>
  readonly sessions: SessionRepositoryWithSwitch
  readonly team: TeamRepository
  /** Deletes every row whose expiresAt is before `now`. Runs on start and periodically. */
  purgeExpired(now?: Date): Promise<PurgeResult>
  close(): Promise<void>
}
