import { connectionUrls } from '../connections/setup-values'
import { verdictFor, type ConnectionVerdict } from '../connections/verdict'
import type { Finding, IdpKind, Owner } from '../findings/types'
import type { SpProfile } from '../profiles/schema'
import type { Connection, TestLoginRun } from '../store/types'
import {
  accountEmailFindings,
  immutableIdChangeFindings,
  testUserCapFindings,
  vendorCertificateFindings,
  verifiedDomainFindings,
} from './checks'
import type { SetupIdpChoice, SetupVariantChoice } from './idp-choices'
import { identifiedRuns } from './runs'
import { setupScreenFor, type ScreenKey, type SetupScreen } from './screens'

/** A step of the setup flow: the vendor's own (profile `vendor.setupSteps`), or the generic flow without a vendor. */
export interface SetupStepDef {
  readonly id: string
  readonly title: string
  readonly at: 'vendor' | 'idp'
  readonly detail?: string
}

/** Without a vendor profile: the same flow in words that name no vendor. */
export const GENERIC_SETUP_STEPS: readonly SetupStepDef[] = [
  {
    id: 'add-idp-metadata',
    title: 'Give the service provider your IdP’s metadata',
    at: 'vendor',
    detail:
      'The service provider needs the IdP’s entity ID, SSO URL and signing certificate (or the metadata that holds them).',
  },
  {
    id: 'add-vendor-metadata',
    title: 'Enter the service provider’s values in the IdP app',
    at: 'idp',
    detail: 'Enter the SP entity ID and the ACS URL in the IdP app and map the attributes the service provider needs.',
  },
  {
    id: 'test-connection',
    title: 'Test the connection with test users',
    at: 'vendor',
    detail: 'Assign test users to the app and have them sign in.',
  },
  {
    id: 'verify-domains',
    title: 'Check the users’ email domains',
    at: 'vendor',
    detail: 'If the service provider routes users to SSO by email domain, every domain must be verified there.',
  },
  { id: 'turn-on', title: 'Turn SSO on', at: 'vendor' },
]

/** What a step's live check knows: passed, failed (findings say why), not run yet, or not checkable here. */
export type CheckState = 'pass' | 'warn' | 'fail' | 'todo' | 'not-checked'

export interface StepCheck {
  readonly label: string
  readonly state: CheckState
  readonly findings: readonly Finding[]
  /** What the admin can do to run it (give an input, run a test login) or what was seen. */
  readonly note?: string
}

export interface StepValue {
  readonly label: string
  readonly value: string
  readonly screen: SetupScreen
}

export interface SetupStepView extends SetupStepDef {
  readonly number: number
  /** The vendor console's path for a vendor-side step (profile data), or null without a vendor. */
  readonly consolePath: string | null
  readonly screens: readonly (SetupScreen & { readonly label: string })[]
  readonly values: readonly StepValue[]
  /** Attribute names to map, with where each comes from for this IdP (step add-vendor-metadata). */
  readonly attributes: readonly { readonly name: string; readonly source?: string; readonly required: boolean }[]
  readonly checks: readonly StepCheck[]
  /** done: every check passed; blocked: a check failed; todo: something to do or run; manual: nothing checkable here. */
  readonly status: 'done' | 'blocked' | 'todo' | 'manual'
}

export interface SetupBlocker {
  readonly code: string
  readonly owner: Owner
  readonly title: string
  readonly nextStep: string
  /** The step it belongs to. */
  readonly step: string
}

export interface SetupWalk {
  readonly steps: readonly SetupStepView[]
  readonly verdict: ConnectionVerdict
  readonly go: boolean
  /** What still blocks turning SSO on: open errors of the test logins and the static check, and the setup checks' errors. */
  readonly blockers: readonly SetupBlocker[]
  /** Warnings worth a look before turn-on, not blocking. */
  readonly toConfirm: readonly SetupBlocker[]
  /** Why it is not GO when nothing blocks: no passing test user yet. */
  readonly missing: readonly string[]
  /** The IdP guide of the vendor for this IdP / variant, for screens not known here. */
  readonly guide?: string
}

type RunRow = Pick<
  TestLoginRun,
  'id' | 'status' | 'testUser' | 'testUserKey' | 'report' | 'createdAt' | 'completedAt' | 'expiresAt'
> &
  Partial<Pick<TestLoginRun, 'pending'>>

export interface SetupWalkInput {
  readonly profile: SpProfile
  readonly idp: SetupIdpChoice
  readonly variant: SetupVariantChoice
  readonly connection: Pick<Connection, 'id' | 'protocol' | 'config' | 'staticReport'>
  readonly runs: readonly RunRow[]
  readonly origin: string
  readonly now: Date
  /** The certificate (PEM) or thumbprint uploaded at the vendor, when the admin gave it. */
  readonly vendorCertificate?: string
  /** Existing account emails of test users at the vendor, each in its masked forms (as given, lower case). */
  readonly accountEmails?: readonly (readonly string[])[]
}

const VALUES_CODES = /AUDIENCE|RECIPIENT|DESTINATION|ENTITY_ID|ACS|REPLY_URL|ATTRIBUTE|NAMEID|SP_/

/**
 * The setup companion's whole state: the vendor's steps in the vendor's order, each with the values to copy, the
 * exact IdP screen for the chosen IdP and app variant, and its live check; then the go / no-go.
 */
export function setupWalk(input: SetupWalkInput): SetupWalk {
  const { profile, idp, variant, connection: c, runs, now } = input
  const kind: IdpKind = idp.kind
  const ctx = { idp: kind }
  const verdict = verdictFor(c, runs, { profile, now })
  const screen = (key: ScreenKey, label: string) => ({ ...setupScreenFor(idp.id, variant.id, key), label })
  const urls = connectionUrls(input.origin, c.id)
  const finished = runs.filter((r) => r.status !== 'pending')

  const staticErrors = c.staticReport?.findings.filter((f) => f.severity === 'error') ?? []
  const domainFindings = verifiedDomainFindings(c.config.verifiedDomains, finished, profile, ctx)
  const signedWith = latestSigningCert(finished)
  const certFindings =
    input.vendorCertificate !== undefined
      ? vendorCertificateFindings(input.vendorCertificate, c.staticReport?.certificates ?? [], {
          now,
          idp: kind,
          ...(signedWith ? { signedWith } : {}),
        })
      : []
  const emails = input.accountEmails?.length
    ? accountEmailFindings(input.accountEmails, finished, profile, ctx)
    : undefined
  const immutableChanged = immutableIdChangeFindings(finished, profile, ctx)
  const immutableSource = storedFindings(finished, /^SAML_SETUP_IMMUTABLE_ID_(MUTABLE|MIGRATION)_SOURCE$/)
  const distinctUsers = new Set(identifiedRuns(finished).map((r) => r.testUserKey)).size
  const capFindings = testUserCapFindings(profile, distinctUsers)
  const valueBlockers = [...verdict.blocking.idp, ...verdict.blocking.vendor].filter((b) => VALUES_CODES.test(b.code))

  const checksFor = (id: string): StepCheck[] => {
    switch (id) {
      case 'verify-domains':
        return [domainCheck('Every test user’s email domain is a verified domain', domainFindings, distinctUsers)]
      case 'link-domain':
        return [domainCheck('The verified domains are linked to this connection', domainFindings, distinctUsers)]
      case 'add-idp-metadata':
        return [
          {
            label: 'The IdP metadata is valid',
            state: !c.staticReport ? 'todo' : staticErrors.length ? 'fail' : 'pass',
            findings: staticErrors,
            ...(!c.staticReport ? { note: 'The metadata could not be checked when the connection was saved.' } : {}),
          },
          input.vendorCertificate === undefined
            ? {
                label: 'The certificate uploaded at the service provider is the IdP’s active one',
                state: 'not-checked',
                findings: [],
                note: 'Give the certificate or its thumbprint below to compare.',
              }
            : {
                label: 'The certificate uploaded at the service provider is the IdP’s active one',
                state: certFindings.length ? 'fail' : 'pass',
                findings: certFindings,
              },
        ]
      case 'add-vendor-metadata': {
        const missing = [!c.config.spEntityId && 'SP entity ID', !c.config.acsUrl && 'ACS URL'].filter(
          (x): x is string => !!x,
        )
        const patterns = patternMismatches(profile, c.config)
        return [
          {
            label: 'Both SP values are known and have the service provider’s shape',
            state: missing.length || patterns.length ? 'fail' : 'pass',
            findings: [],
            ...(missing.length
              ? { note: `Not given: ${missing.join(', ')}. Copy them from the service provider’s console.` }
              : patterns.length
                ? { note: patterns.join(' ') }
                : {}),
          },
          {
            label: 'Test logins show the IdP uses these values and attributes',
            state: valueBlockers.length ? 'fail' : verdict.distinctPassingUsers ? 'pass' : 'todo',
            findings: [],
            ...(valueBlockers.length
              ? { note: valueBlockers.map((b) => `${b.code}: ${b.title}`).join(' · ') }
              : verdict.distinctPassingUsers
                ? {}
                : { note: 'Run a test login to see what the IdP sends.' }),
          },
        ]
      }
      case 'test-connection': {
        const loginBlockers = [...verdict.blocking.idp, ...verdict.blocking.vendor].filter(
          (b) => b.source === 'test-login',
        )
        const out: StepCheck[] = [
          {
            label: 'A test user signs in and the login is accepted',
            // Static-check errors block the verdict too, but they belong to the metadata step, not to this one.
            state:
              loginBlockers.length || verdict.failingUsers.some((u) => !u.endUserOnly)
                ? 'fail'
                : verdict.distinctPassingUsers
                  ? 'pass'
                  : 'todo',
            findings: [],
            note:
              `${verdict.distinctPassingUsers} distinct test user(s) passed${verdict.target !== null ? ` (the service provider takes at most ${verdict.target} test users before turn-on: a cap, not a target)` : ''}.` +
              (loginBlockers.length ? ` Open: ${loginBlockers.map((b) => b.code).join(', ')}.` : ''),
          },
        ]
        out.push(
          emails
            ? {
                label: 'The email claim is the user’s existing account email',
                state: emails.findings.length ? 'fail' : emails.untested ? 'todo' : 'pass',
                findings: emails.findings,
                note: `${emails.matched} of ${input.accountEmails!.length} given account email(s) seen as an email claim${emails.untested ? `; ${emails.untested} not tested yet` : ''}.`,
              }
            : {
                label: 'The email claim is the user’s existing account email',
                state: 'not-checked',
                findings: [],
                note: 'Give test users’ existing account emails below to compare.',
              },
        )
        const immutable = [...immutableChanged, ...immutableSource]
        if (profile.saml?.requiredAttributes.some((a) => a.immutable)) {
          out.push({
            label: 'The immutable user ID is stable',
            state: immutable.length ? 'warn' : distinctUsers ? 'pass' : 'todo',
            findings: immutable,
          })
        }
        if (capFindings.length)
          out.push({ label: 'Test users within the service provider’s cap', state: 'warn', findings: capFindings })
        return out
      }
      case 'turn-on':
        return []
      default:
        return []
    }
  }

  const defs = profile.vendor?.setupSteps ?? GENERIC_SETUP_STEPS
  const steps: SetupStepView[] = defs.map((d, i) => {
    const checks = checksFor(d.id)
    const screens = screensFor(d.id, screen)
    const values =
      d.id === 'add-vendor-metadata'
        ? spValues(c.config, urls.acsUrl, screen)
        : d.id === 'test-connection'
          ? [
              {
                label: 'Test login (this validator)',
                value: urls.testLoginUrl,
                screen: screen('assignment', 'Assign the test users first'),
              },
            ]
          : []
    const attributes =
      d.id === 'add-vendor-metadata'
        ? (profile.saml?.requiredAttributes ?? []).map((a) => ({
            name: a.name,
            required: a.level === 'required',
            ...((a.source[kind] ?? a.source[idp.id]) ? { source: a.source[kind] ?? a.source[idp.id] } : {}),
          }))
        : []
    const status: SetupStepView['status'] = !checks.length
      ? 'manual'
      : checks.some((x) => x.state === 'fail')
        ? 'blocked'
        : checks.every((x) => x.state === 'pass' || x.state === 'warn' || x.state === 'not-checked') &&
            checks.some((x) => x.state === 'pass' || x.state === 'warn')
          ? 'done'
          : 'todo'
    return { ...d, number: i + 1, consolePath: consolePathFor(profile, d), screens, values, attributes, checks, status }
  })

  const stepOf = (code: string) => {
    for (const s of steps) if (s.checks.some((x) => x.findings.some((f) => f.code === code))) return s.title
    return steps.find((s) => s.id === 'test-connection')?.title ?? ''
  }
  const setupFindings = [
    ...domainFindings,
    ...certFindings,
    ...(emails?.findings ?? []),
    ...immutableChanged,
    ...immutableSource,
    ...capFindings,
  ]
  const blockers: SetupBlocker[] = []
  for (const o of ['idp', 'vendor'] as const) {
    for (const b of verdict.blocking[o])
      blockers.push({
        code: b.code,
        owner: b.owner,
        title: b.title,
        nextStep: b.nextStep,
        step: b.source === 'static-check' ? stepTitle(steps, 'add-idp-metadata') : stepTitle(steps, 'test-connection'),
      })
  }
  for (const f of setupFindings.filter((x) => x.severity === 'error'))
    blockers.push({ code: f.code, owner: f.owner, title: f.title, nextStep: f.nextStep, step: stepOf(f.code) })
  const toConfirm = dedupe(setupFindings.filter((x) => x.severity === 'warning')).map((f) => ({
    code: f.code,
    owner: f.owner,
    title: f.title,
    nextStep: f.nextStep,
    step: stepOf(f.code),
  }))
  const missing = verdict.distinctPassingUsers === 0 ? ['No test user has passed a test login yet.'] : []
  const go = blockers.length === 0 && verdict.verdict === 'go'
  const guide = variant.guide ?? idp.guide
  return { steps, verdict, go, blockers: dedupeBlockers(blockers), toConfirm, missing, ...(guide ? { guide } : {}) }
}

function domainCheck(label: string, findings: readonly Finding[], users: number): StepCheck {
  const none = findings.some((f) => f.code === 'SAML_SETUP_NO_VERIFIED_DOMAINS')
  if (none) return { label, state: 'not-checked', findings, note: 'No verified domains given for this connection.' }
  if (findings.length) return { label, state: 'fail', findings }
  return users
    ? { label, state: 'pass', findings: [] }
    : { label, state: 'todo', findings: [], note: 'Run a test login to see the users’ domains.' }
}

function screensFor(
  stepId: string,
  screen: (key: ScreenKey, label: string) => SetupScreen & { label: string },
): (SetupScreen & { label: string })[] {
  switch (stepId) {
    case 'add-idp-metadata':
      return [
        screen('saml.metadata', 'IdP metadata'),
        screen('saml.signingCertificate', 'Signing certificate (Base64)'),
      ]
    case 'add-vendor-metadata':
      return [screen('saml.claims', 'Attributes & claims')]
    case 'test-connection':
      return [screen('assignment', 'Assign test users'), screen('logs.signIns', 'Sign-in logs')]
    default:
      return []
  }
}

function spValues(
  config: Connection['config'],
  ourAcs: string,
  screen: (key: ScreenKey, label: string) => SetupScreen & { label: string },
): StepValue[] {
  const out: StepValue[] = []
  if (config.spEntityId)
    out.push({
      label: 'SP entity ID (Identifier / Audience URI)',
      value: config.spEntityId,
      screen: screen('saml.identifier', 'Identifier'),
    })
  if (config.acsUrl)
    out.push({
      label: 'ACS URL (Reply URL / Single sign-on URL)',
      value: config.acsUrl,
      screen: screen('saml.replyUrl', 'Reply URL'),
    })
  out.push({
    label: 'Extra reply URL for test logins (this validator’s ACS, not the default)',
    value: ourAcs,
    screen: screen('saml.replyUrl', 'Reply URL'),
  })
  return out
}

function patternMismatches(profile: SpProfile, config: Connection['config']): string[] {
  const out: string[] = []
  const check = (
    value: string | undefined,
    pattern: string | undefined,
    template: string | undefined,
    label: string,
  ) => {
    if (!value || !pattern) return
    if (!new RegExp(pattern).test(value))
      out.push(`The ${label} does not have the service provider’s shape (${template ?? pattern}).`)
  }
  check(config.spEntityId, profile.saml?.entityIdPattern, profile.saml?.entityIdTemplate, 'SP entity ID')
  check(config.acsUrl, profile.saml?.acsUrlPattern, profile.saml?.acsUrlTemplate, 'ACS URL')
  return out
}

function consolePathFor(profile: SpProfile, step: SetupStepDef): string | null {
  const v = profile.vendor
  if (!v || step.at !== 'vendor') return null
  if (step.id === 'turn-on') return v.console.turnOn.join(' › ')
  // Domains have their own tab beside the connections: the SSO page the turn-on screen is on.
  if (step.id === 'verify-domains') return [...v.console.turnOn.slice(0, -1), step.title].join(' › ')
  const named = v.console.connectionSteps.find((s) => s.toLowerCase() === step.title.toLowerCase())
  return [...v.console.connection, ...(named ? [named] : [])].join(' › ')
}

/** The SHA-256 of the certificate that verified the newest passing test login's signature, if its report says. */
function latestSigningCert(runs: readonly RunRow[]): string | undefined {
  const passed = runs
    .filter((r) => r.status === 'completed' && r.report?.certificates?.some((c) => c.signsNow))
    .sort((a, b) => (b.completedAt ?? b.createdAt).localeCompare(a.completedAt ?? a.createdAt))
  return passed[0]?.report?.certificates?.find((c) => c.signsNow)?.sha256
}

/** Findings the ACS stored with the runs (e.g. the immutable ID's source), once per code. */
function storedFindings(runs: readonly RunRow[], code: RegExp): Finding[] {
  const seen = new Map<string, Finding>()
  for (const r of runs)
    for (const f of r.report?.findings ?? []) if (code.test(f.code) && !seen.has(f.code)) seen.set(f.code, f)
  return [...seen.values()]
}

const stepTitle = (steps: readonly SetupStepView[], id: string) => steps.find((s) => s.id === id)?.title ?? id

function dedupe(fs: readonly Finding[]): Finding[] {
  const seen = new Set<string>()
  return fs.filter((f) => !seen.has(f.code) && !!seen.add(f.code))
}

function dedupeBlockers(bs: readonly SetupBlocker[]): SetupBlocker[] {
  const seen = new Set<string>()
  return bs.filter((b) => !seen.has(b.code) && !!seen.add(b.code))
}
