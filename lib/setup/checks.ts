import { colonHex } from '../certs/fingerprint'
import { readCertificate } from '../certs/parse'
import { finding } from '../findings/finding'
import type { CertificateSummary } from '../findings/report'
import type { Finding, IdpKind } from '../findings/types'
import type { SpProfile } from '../profiles/schema'
import { attributeValues, domainOf, identifiedRuns, immutableAttributes, userEmail, type SetupRun } from './runs'

/*
 * The checks of the vendor's own setup flow that no single document shows: they compare what the admin says about
 * the vendor's side (verified domains, account emails, the certificate uploaded there) with what the test logins and
 * the metadata show. Stored runs are masked: addresses keep their domain and every value keeps a keyed hash, so equal
 * values stay equal and the admin's own input is masked the same way before it is compared.
 */

interface Ctx {
  readonly idp?: IdpKind
}

/** Every test user's email domain must be one of the connection's verified, linked domains. */
export function verifiedDomainFindings(
  verifiedDomains: readonly string[] | undefined,
  runs: readonly SetupRun[],
  profile: Pick<SpProfile, 'saml'>,
  ctx: Ctx = {},
): Finding[] {
  if (!verifiedDomains?.length)
    return [
      finding(
        'SAML_SETUP_NO_VERIFIED_DOMAINS',
        { expected: 'the domains verified and linked to this connection', actual: 'none given' },
        ctx,
      ),
    ]
  const verified = new Set(verifiedDomains.map((d) => d.trim().toLowerCase()))
  const seen = new Map<string, number>()
  const users = new Set<string>()
  for (const run of identifiedRuns(runs)) {
    if (users.has(run.testUserKey!)) continue
    const domain = domainOf(userEmail(run, profile) ?? '')
    if (!domain) continue
    users.add(run.testUserKey!)
    seen.set(domain, (seen.get(domain) ?? 0) + 1)
  }
  const outside = [...seen].filter(([d]) => !verified.has(d))
  if (!outside.length) return []
  return [
    finding(
      'SAML_SETUP_DOMAIN_NOT_VERIFIED',
      {
        expected: [...verified],
        actual: outside.map(([d]) => d),
        count: outside.reduce((n, [, c]) => n + c, 0),
        where: 'test users’ email claim (or NameID)',
      },
      ctx,
    ),
  ]
}

/** The outcome of comparing the account emails the admin gave (masked) with the test users' email claims. */
export interface AccountEmailResult {
  readonly findings: Finding[]
  /** Given addresses an email claim matched. */
  readonly matched: number
  /** Given addresses no test login has shown yet (neither as email claim nor as NameID). */
  readonly untested: number
}

/**
 * For each existing account email the admin gave (masked like the store masks, in its given and lower-case forms): a
 * test login whose email claim is that address passes; one whose NameID is that address but whose email claim is
 * another means the user would land in a new account.
 */
export function accountEmailFindings(
  accountEmails: readonly (readonly string[])[],
  runs: readonly SetupRun[],
  profile: Pick<SpProfile, 'saml'>,
  ctx: Ctx = {},
): AccountEmailResult {
  const finished = identifiedRuns(runs)
  const claims = new Set(finished.map((r) => userEmail(r, profile)).filter((e): e is string => !!e))
  const findings: Finding[] = []
  let matched = 0
  let untested = 0
  for (const forms of accountEmails) {
    if (forms.some((f) => claims.has(f))) {
      matched++
      continue
    }
    const signedIn = [...finished].reverse().find((r) => r.testUser && forms.includes(r.testUser))
    if (!signedIn) {
      untested++
      continue
    }
    findings.push(
      finding(
        'SAML_SETUP_ACCOUNT_EMAIL_MISMATCH',
        {
          expected: forms[0],
          actual: userEmail(signedIn, profile) ?? 'no email claim',
          where: `test login ${signedIn.id}`,
        },
        ctx,
      ),
    )
  }
  return { findings, matched, untested }
}

/** The same user's immutable ID (e.g. objectGUID) must not change between runs of a connection. */
export function immutableIdChangeFindings(
  runs: readonly SetupRun[],
  profile: Pick<SpProfile, 'saml'>,
  ctx: Ctx = {},
): Finding[] {
  const out: Finding[] = []
  for (const attr of immutableAttributes(profile)) {
    const byUser = new Map<string, { values: string[]; runIds: string[] }>()
    for (const run of identifiedRuns(runs)) {
      const value = attributeValues(run, attr).find((v) => v.trim() !== '')
      if (value === undefined) continue
      const u = byUser.get(run.testUserKey!) ?? { values: [], runIds: [] }
      if (!u.values.includes(value)) {
        u.values.push(value)
        u.runIds.push(run.id)
      }
      byUser.set(run.testUserKey!, u)
    }
    for (const [, u] of byUser) {
      if (u.values.length < 2) continue
      out.push(
        finding(
          'SAML_SETUP_IMMUTABLE_ID_CHANGED',
          {
            attribute: attr.name,
            expected: u.values[0],
            actual: u.values.slice(1),
            where: `test logins ${u.runIds.join(', ')}`,
          },
          ctx,
        ),
      )
    }
  }
  return out
}

const BASE64_GUID_RE = /^[A-Za-z0-9+/]{22}==$/
/** name@domain.tld: one `@`, no space, a dot inside the domain. Index checks, not a regex: linear on any value. */
function looksLikeAddress(v: string): boolean {
  const at = v.indexOf('@')
  if (at <= 0 || at !== v.lastIndexOf('@') || /\s/.test(v)) return false
  const dot = v.indexOf('.', at + 2)
  return dot > 0 && dot < v.length - 1
}

/**
 * Run on the UNMASKED attributes at the ACS: an immutable ID whose source changes over a person's life (an address)
 * or on a directory / IdP migration (an on-premises objectGUID in base64). The evidence names the shape, never the value.
 */
export function immutableIdSourceFindings(
  profile: Pick<SpProfile, 'saml'>,
  attributes: readonly { name: string; values: readonly string[] }[],
  ctx: Ctx = {},
): Finding[] {
  const out: Finding[] = []
  for (const attr of immutableAttributes(profile)) {
    const a = attributes.find((x) => x.name === attr.name) ?? attributes.find((x) => attr.aliases.includes(x.name))
    const value = a?.values.find((v) => v.trim() !== '')?.trim()
    if (!a || value === undefined) continue
    const where = `Attribute ${a.name}`
    if (looksLikeAddress(value))
      out.push(
        finding(
          'SAML_SETUP_IMMUTABLE_ID_MUTABLE_SOURCE',
          { attribute: a.name, expected: 'an object identifier', actual: 'an email address or UPN', where },
          ctx,
        ),
      )
    else if (BASE64_GUID_RE.test(value) && Buffer.from(value, 'base64').length === 16) {
      out.push(
        finding(
          'SAML_SETUP_IMMUTABLE_ID_MIGRATION_SOURCE',
          {
            attribute: a.name,
            expected: 'a source kept across directory and IdP migrations',
            actual: '16 bytes in base64 (on-premises objectGUID / ImmutableID)',
            where,
          },
          ctx,
        ),
      )
    }
  }
  return out
}

/** A certificate or thumbprint as the admin gave it, as the digests we compare. */
export type VendorCertificate =
  | {
      readonly ok: true
      readonly sha1?: string
      readonly sha256?: string
      readonly given: 'certificate' | 'sha1' | 'sha256'
    }
  | { readonly ok: false; readonly reason: string }

const MAX_CERT_INPUT = 20_000

/** Reads a PEM / Base64 certificate or a SHA-1 / SHA-256 thumbprint (hex, any case, colons or spaces allowed). */
export function readVendorCertificate(input: string): VendorCertificate {
  const text = input.trim()
  if (text.length > MAX_CERT_INPUT) return { ok: false, reason: `longer than ${MAX_CERT_INPUT} characters` }
  const hex = text.replace(/^(sha-?1|sha-?256)\s*[:=]?\s*/i, '').replace(/[\s:]/g, '')
  if (/^[0-9a-f]{40}$/i.test(hex)) return { ok: true, sha1: hex.toUpperCase(), given: 'sha1' }
  if (/^[0-9a-f]{64}$/i.test(hex)) return { ok: true, sha256: colonHex(hex), given: 'sha256' }
  const r = readCertificate(text)
  if (r.kind === 'certificate')
    return { ok: true, sha1: r.cert.sha1Thumbprint, sha256: r.cert.sha256, given: 'certificate' }
  return { ok: false, reason: r.reason }
}

const sameSha256 = (a: string | undefined, b: string | undefined) =>
  !!a && !!b && a.replace(/:/g, '').toUpperCase() === b.replace(/:/g, '').toUpperCase()

/**
 * The certificate uploaded at the vendor must be the IdP's active one: the one that signed the latest test login
 * (`signedWith`, SHA-256), else the newest currently valid signing certificate the metadata lists.
 */
export function vendorCertificateFindings(
  input: string,
  certificates: readonly CertificateSummary[],
  o: { now: Date; signedWith?: string; idp?: IdpKind },
): Finding[] {
  const ctx = o.idp ? { idp: o.idp } : {}
  const given = readVendorCertificate(input)
  if (!given.ok)
    return [
      finding('CERT_SETUP_VENDOR_CERT_UNREADABLE', {
        expected: 'a PEM certificate or a SHA-1 / SHA-256 thumbprint',
        actual: given.reason,
      }),
    ]
  const signing = certificates.filter((c) => c.use === 'signing' || c.use === 'both')
  const matches = (c: CertificateSummary) => (given.sha256 ? sameSha256(given.sha256, c.sha256) : given.sha1 === c.sha1)
  const held = signing.find(matches)
  const describe = (c: CertificateSummary) => ({
    subject: c.subject,
    sha1: c.sha1,
    sha256: c.sha256,
    notAfter: c.notAfter,
  })
  const heldDigest = given.sha1 ?? given.sha256
  if (!held) {
    return [
      finding(
        'CERT_SETUP_VENDOR_CERT_NOT_IN_METADATA',
        { expected: signing.map(describe), actual: heldDigest, where: 'the IdP metadata’s signing certificates' },
        ctx,
      ),
    ]
  }
  const now = o.now.toISOString()
  const active =
    (o.signedWith ? signing.find((c) => sameSha256(c.sha256, o.signedWith)) : undefined) ??
    signing
      .filter((c) => c.notBefore <= now && now < c.notAfter)
      .sort((a, b) => b.notBefore.localeCompare(a.notBefore))[0]
  if (active && active.sha256 !== held.sha256) {
    return [
      finding(
        'CERT_SETUP_VENDOR_CERT_NOT_ACTIVE',
        {
          expected: describe(active),
          actual: describe(held),
          where: o.signedWith
            ? 'the certificate that signed the latest test login'
            : 'the newest valid signing certificate in the metadata',
        },
        ctx,
      ),
    ]
  }
  return []
}

/** More distinct test users than the vendor's cap: only the cap can be added there before turn-on. */
export function testUserCapFindings(profile: Pick<SpProfile, 'vendor'>, distinctUsers: number): Finding[] {
  const cap = profile.vendor?.testUserCap
  if (cap === undefined || distinctUsers <= cap) return []
  return [finding('SAML_SETUP_TEST_USERS_OVER_CAP', { max: cap, actual: distinctUsers, where: profile.vendor!.name })]
}
