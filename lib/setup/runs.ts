import type { SpProfile } from '../profiles/schema'
import type { TestLoginRun } from '../store/types'

/** What the setup checks read of a stored test login (masked, as stored). */
export type SetupRun = Pick<
  TestLoginRun,
  'id' | 'status' | 'testUser' | 'testUserKey' | 'report' | 'createdAt' | 'completedAt'
>

interface StoredAttribute {
  readonly name: string
  readonly values: readonly string[]
}

/** The attributes the run's report recorded (`facts.attributes`, values masked by the store). */
export function runAttributes(run: Pick<SetupRun, 'report'>): StoredAttribute[] {
  const raw = run.report?.facts?.attributes
  if (!Array.isArray(raw)) return []
  const out: StoredAttribute[] = []
  for (const a of raw as unknown[]) {
    if (!a || typeof a !== 'object') continue
    const { name, values } = a as { name?: unknown; values?: unknown }
    if (typeof name !== 'string' || !Array.isArray(values)) continue
    out.push({ name, values: values.filter((v): v is string => typeof v === 'string') })
  }
  return out
}

type Attr = NonNullable<SpProfile['saml']>['requiredAttributes'][number]

/** The values of the profile's attribute (by its name or, failing that, an alias) in a run. */
export function attributeValues(run: Pick<SetupRun, 'report'>, attr: Pick<Attr, 'name' | 'aliases'>): string[] {
  const attrs = runAttributes(run)
  const exact = attrs.find((a) => a.name === attr.name)
  if (exact) return [...exact.values]
  const alias = attrs.find((a) => attr.aliases.includes(a.name))
  return alias ? [...alias.values] : []
}

/** The profile's email attribute (named `email`, or with an email alias), if it has one. */
export function emailAttribute(profile: Pick<SpProfile, 'saml'>): Attr | undefined {
  const attrs = profile.saml?.requiredAttributes ?? []
  return (
    attrs.find((a) => a.name.toLowerCase() === 'email') ??
    attrs.find((a) => a.aliases.some((x) => /emailaddress$|^mail$/i.test(x)))
  )
}

/** The profile's attributes that must never change for a person (e.g. objectGUID). */
export function immutableAttributes(profile: Pick<SpProfile, 'saml'>): Attr[] {
  return (profile.saml?.requiredAttributes ?? []).filter((a) => a.immutable)
}

/** Finished runs with an identified user, oldest first. */
export function identifiedRuns<R extends SetupRun>(runs: readonly R[]): R[] {
  return runs
    .filter((r) => r.status !== 'pending' && r.testUserKey)
    .sort((a, b) => (a.completedAt ?? a.createdAt).localeCompare(b.completedAt ?? b.createdAt))
}

/** The user's email as the IdP sent it (the email claim, else a NameID that is an address), masked as stored. */
export function userEmail(run: SetupRun, profile: Pick<SpProfile, 'saml'>): string | undefined {
  const attr = emailAttribute(profile)
  const claimed = attr ? attributeValues(run, attr).find((v) => v.includes('@')) : undefined
  return claimed ?? (run.testUser?.includes('@') ? run.testUser : undefined)
}

/** The domain of an address (masked addresses keep theirs), lower case. */
export function domainOf(address: string): string | undefined {
  const at = address.lastIndexOf('@')
  const d =
    at >= 0
      ? address
          .slice(at + 1)
          .trim()
          .toLowerCase()
      : ''
  return d || undefined
}
