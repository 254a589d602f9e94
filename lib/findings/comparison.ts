import { z } from 'zod'
import type { SpProfile } from '../profiles/schema'
import type { Report } from './report'
import type { Finding } from './types'

/*
 * "The vendor expects / you configured / the IdP sent", side by side, for every SAML report, GO or not. Built only
 * from what the checks already put in the report (findings, facts, certificates) and the profile: no re-parsing.
 * Values here are never personal (attribute NAMES, formats, URLs, thumbprints), so the table may be stored and
 * exported as is; the user's own values live in facts, which masking covers.
 */

export const ComparisonStatusSchema = z.enum(['ok', 'differs', 'missing', 'not-checked'])
export type ComparisonStatus = z.infer<typeof ComparisonStatusSchema>

export const ComparisonRowSchema = z.object({
  /** Stable key: entityId, acsUrl, nameIdFormat, attribute:<name>, signing, signatureAlgorithm, certificate. */
  key: z.string(),
  label: z.string(),
  expected: z.string().optional(),
  configured: z.string().optional(),
  sent: z.string().optional(),
  status: ComparisonStatusSchema,
  /** Codes of the findings about this row, so the table links to the cards that explain it. */
  codes: z.array(z.string()).optional(),
  note: z.string().optional(),
})
export type ComparisonRow = z.infer<typeof ComparisonRowSchema>

export const ComparisonSchema = z.object({
  /** What the third column is: what the IdP sent in a response, or what it publishes in its metadata. */
  source: z.enum(['response', 'metadata']),
  rows: z.array(ComparisonRowSchema),
})
export type Comparison = z.infer<typeof ComparisonSchema>

/** The SP values the admin configured (typed in the form / CLI, or held by the connection). */
export interface ConfiguredSpValues {
  readonly spEntityId?: string | undefined
  readonly acsUrl?: string | undefined
}

const ROW_CODES = {
  entityId: [
    'SAML_AUDIENCE_MISMATCH',
    'SAML_AUDIENCE_MISSING',
    'SAML_AUDIENCE_PLACEHOLDER',
    'SAML_CONFIG_IDENTIFIER_PLACEHOLDER',
    'SAML_CONFIG_IDENTIFIER_MISMATCH',
    'SAML_CONFIG_IDENTIFIER_IS_IDP_ENTITY_ID',
    'SAML_NAMEID_SP_NAME_QUALIFIER_MISMATCH',
  ],
  acsUrl: [
    'SAML_RECIPIENT_MISMATCH',
    'SAML_RECIPIENT_MISSING',
    'SAML_ACS_PLACEHOLDER',
    'SAML_DESTINATION_MISMATCH',
    'SAML_CONFIG_REPLY_URL_PLACEHOLDER',
    'SAML_CONFIG_REPLY_URL_MISMATCH',
    'SAML_CONFIG_TRAILING_SLASH',
    'SAML_CONFIG_NOT_HTTPS',
  ],
  nameIdFormat: ['SAML_NAMEID_FORMAT_UNSUPPORTED', 'SAML_NAMEID_MISSING', 'SAML_METADATA_NAMEID_FORMATS_UNSUPPORTED'],
  signing: [
    'SAML_SIGNATURE_MISSING',
    'SAML_ASSERTION_NOT_COVERED',
    'SAML_ASSERTION_SIGNATURE_REQUIRED',
    'SAML_SIGNATURE_INVALID',
    'SAML_SIGNATURE_DIGEST_MISMATCH',
    'SAML_SIGNATURE_REFERENCE_INVALID',
    'SAML_SIGNATURE_MALFORMED',
  ],
  signatureAlgorithm: ['SAML_SIGNATURE_SHA1', 'SAML_SIGNATURE_ALGORITHM_UNSUPPORTED'],
  certificate: [
    'SAML_SIGNATURE_CERT_NOT_TRUSTED',
    'SAML_SIGNATURE_NO_TRUSTED_CERT',
    'SAML_RESPONSE_SIGNING_CERT_EXPIRED',
    'SAML_METADATA_NO_SIGNING_CERT',
    'CERT_EXPIRED',
    'CERT_NOT_YET_VALID',
    'CERT_PLACEHOLDER',
    'CERT_UNPARSEABLE',
  ],
  attribute: [
    'SAML_ATTRIBUTE_MISSING',
    'SAML_ATTRIBUTE_RECOMMENDED_MISSING',
    'SAML_ATTRIBUTE_EMPTY',
    'SAML_ATTRIBUTE_ALIAS',
    'SAML_ATTRIBUTE_NAMESPACED',
    'SAML_ATTRIBUTE_DUPLICATE',
  ],
} as const

const NAMEID_SHORT = /^urn:oasis:names:tc:SAML:[12]\.[01]:nameid-format:/

/**
 * The side-by-side table for a SAML report (metadata, response or test login); undefined for other kinds.
 * @example const comparison = compareSamlSettings(report, profile, { spEntityId, acsUrl })
 */
export function compareSamlSettings(
  report: Report,
  profile: SpProfile,
  configured: ConfiguredSpValues,
): Comparison | undefined {
  const kind = report.subject.kind
  if (kind !== 'saml-metadata' && kind !== 'saml-response' && kind !== 'saml-test-login') return undefined
  const source = kind === 'saml-metadata' ? ('metadata' as const) : ('response' as const)
  const facts = report.facts ?? {}
  const saml = profile.saml
  const about = (codes: readonly string[], match?: (f: Finding) => boolean) =>
    report.findings.filter((f) => f.severity !== 'info' && codes.includes(f.code) && (!match || match(f)))
  const rows: ComparisonRow[] = []

  const audience = strings(facts.audience)
  rows.push(
    row('entityId', 'Entity ID (Identifier / Audience)', {
      expected: saml?.entityIdTemplate ?? patternText(saml?.entityIdPattern),
      configured: configured.spEntityId,
      sent: audience.length ? audience.join(', ') : undefined,
      found: about(ROW_CODES.entityId),
      agrees: configured.spEntityId === undefined || audience.includes(configured.spEntityId),
      ...(source === 'metadata'
        ? { note: 'IdP metadata does not name the SP: the IdP sends it as the Audience of each response.' }
        : {}),
    }),
  )

  const recipient = str(facts.recipient) ?? str(facts.destination)
  rows.push(
    row('acsUrl', 'Reply URL (Assertion Consumer Service URL)', {
      expected: saml?.acsUrlTemplate ?? patternText(saml?.acsUrlPattern),
      configured: configured.acsUrl,
      sent: recipient,
      found: about(ROW_CODES.acsUrl),
      agrees: configured.acsUrl === undefined || recipient === configured.acsUrl,
      ...(source === 'metadata'
        ? { note: 'IdP metadata does not hold the reply URL: the IdP sends it as the Recipient of each response.' }
        : {}),
    }),
  )

  const formats = source === 'metadata' ? strings(facts.nameIdFormats) : strings(facts.nameIdFormat)
  rows.push(
    row('nameIdFormat', 'NameID format', {
      expected: nameIdFormatsText(saml),
      sent: formats.length ? formats.map(shortFormat).join(', ') : undefined,
      found: about(ROW_CODES.nameIdFormat),
      agrees: true,
    }),
  )

  rows.push(...attributeRows(report, profile, facts, source))

  const signature = record(facts.signature)
  rows.push(
    row('signing', 'Signing option', {
      expected: saml?.requireSignedAssertion
        ? 'Sign SAML assertion (or response and assertion)'
        : 'Sign SAML response or assertion',
      sent: signature ? signingOption(signature) : undefined,
      found: about(ROW_CODES.signing),
      agrees: true,
    }),
  )

  const algorithm = signature
    ? [str(signature.signatureAlgorithm), str(signature.digestAlgorithm)].filter(Boolean).join(' / ')
    : ''
  rows.push(
    row('signatureAlgorithm', 'Signing algorithm', {
      expected: saml?.sha1 === 'error' ? 'SHA-256 (SHA-1 is refused)' : 'SHA-256 (SHA-1 is discouraged)',
      sent: algorithm || undefined,
      found: about(ROW_CODES.signatureAlgorithm),
      agrees: true,
    }),
  )

  rows.push(certificateRow(report, facts, source, about(ROW_CODES.certificate)))
  return { source, rows }
}

/** The report with its comparison attached (unchanged when the kind has none). */
export function withSamlComparison(report: Report, profile: SpProfile, configured: ConfiguredSpValues): Report {
  const comparison = compareSamlSettings(report, profile, configured)
  return comparison ? { ...report, comparison } : report
}

function attributeRows(
  report: Report,
  profile: SpProfile,
  facts: Record<string, unknown>,
  source: 'response' | 'metadata',
): ComparisonRow[] {
  const names = strings(facts.attributeNames)
  // Only the emptiness of values is read here: values are personal and stay in facts.
  const empty = new Set<string>()
  for (const a of arrayOf(facts.attributes)) {
    const r = record(a)
    if (!r || typeof r.name !== 'string') continue
    let blank = true
    for (const v of strings(r.values)) if (v.trim() !== '') blank = false
    if (blank) empty.add(r.name)
  }
  const assertionRead = Array.isArray(facts.attributeNames)
  return (profile.saml?.requiredAttributes ?? []).map((attr) => {
    const all = [attr.name, ...attr.aliases]
    const found = report.findings.filter(
      (f) =>
        f.severity !== 'info' && (ROW_CODES.attribute as readonly string[]).includes(f.code) && isAbout(f, attr.name),
    )
    // The attribute check names the alias it matched (case, namespace): the same name here as in its finding.
    const aliasSent = found
      .map((f) => (/ALIAS|NAMESPACED/.test(f.code) ? str(f.evidence.actual) : undefined))
      .find(Boolean)
    const sentName = names.includes(attr.name) ? attr.name : (aliasSent ?? all.find((a) => names.includes(a)))
    const sent = sentName === undefined ? undefined : empty.has(sentName) ? `${sentName} (empty value)` : sentName
    const status: ComparisonStatus = found.length
      ? found.some((f) => /MISSING|EMPTY/.test(f.code))
        ? 'missing'
        : 'differs'
      : !assertionRead
        ? 'not-checked'
        : sentName === undefined
          ? attr.level === 'required'
            ? 'missing'
            : 'not-checked'
          : sentName !== attr.name || empty.has(sentName)
            ? 'differs'
            : 'ok'
    const r: Partial<ComparisonRow> = {
      key: `attribute:${attr.name}`,
      label: `Attribute ${attr.name}${attr.level === 'recommended' ? ' (recommended)' : ''}`,
      expected: attr.name,
    }
    if (sent !== undefined) r.sent = sent
    r.status = status
    if (found.length) r.codes = codesOf(found)
    if (source === 'metadata') r.note = 'Claims are set in the IdP app and seen only in a response or test login.'
    return r as ComparisonRow
  })
}

function certificateRow(
  report: Report,
  facts: Record<string, unknown>,
  source: 'response' | 'metadata',
  found: Finding[],
): ComparisonRow {
  const certs = report.certificates ?? []
  const thumb = (c: { sha1?: string | undefined; sha256: string }) => c.sha1 ?? `SHA-256 ${c.sha256}`
  if (source === 'metadata') {
    const published = certs.filter((c) => c.use === 'signing' || c.use === 'both')
    return row('certificate', 'Signing certificate thumbprint', {
      expected: 'the IdP’s current signing certificate, uploaded at the vendor, not expired',
      sent: published.length ? published.map(thumb).join(', ') : undefined,
      found,
      agrees: true,
    })
  }
  const trusted = strings(facts.metadataCertificates)
  const signer = certs.find((c) => c.signsNow)
  return row('certificate', 'Signing certificate thumbprint', {
    expected: 'a certificate from the IdP metadata, not expired',
    configured: trusted.length ? trusted.join(', ') : undefined,
    sent: signer ? thumb(signer) : undefined,
    found,
    agrees: !signer?.sha1 || !trusted.length || trusted.includes(signer.sha1),
  })
}

function row(
  key: string,
  label: string,
  o: {
    expected?: string | undefined
    configured?: string | undefined
    sent?: string | undefined
    found: Finding[]
    agrees: boolean
    note?: string
  },
): ComparisonRow {
  const status: ComparisonStatus = o.found.length
    ? o.found.some((f) => /MISSING|NO_SIGNING|NO_TRUSTED/.test(f.code))
      ? 'missing'
      : 'differs'
    : o.sent === undefined
      ? 'not-checked'
      : o.agrees
        ? 'ok'
        : 'differs'
  // Assigned, not spread: every SAML report builds about ten rows.
  // (in the order the table and the JSON output have always had)
  const r: Partial<ComparisonRow> = { key, label }
  if (o.expected !== undefined) r.expected = o.expected
  if (o.configured !== undefined && o.configured !== '') r.configured = o.configured
  if (o.sent !== undefined) r.sent = o.sent
  r.status = status
  if (o.found.length) r.codes = codesOf(o.found)
  if (o.note) r.note = o.note
  return r as ComparisonRow
}

function codesOf(found: readonly Finding[]): string[] {
  const codes: string[] = []
  for (const f of found) if (!codes.includes(f.code)) codes.push(f.code)
  return codes
}

/** Entra's three signing options, named as its SAML Signing Certificate screen names them. */
function signingOption(sig: Record<string, unknown>): string {
  const r = sig.response,
    a = sig.assertion
  if (r === 'absent' && a === 'absent') return 'not signed'
  const part = (what: string, v: unknown) =>
    v === 'valid' ? what : v === 'invalid' ? `${what} (does not verify)` : undefined
  return [part('response', r), part('assertion', a)].filter(Boolean).join(' and ') + ' signed'
}

function isAbout(f: Finding, name: string): boolean {
  const e = f.evidence as Record<string, unknown>
  return e.expected === name || e.attribute === name
}

/** The NameID formats the profile accepts, as the table shows them (worked out once per profile). */
function nameIdFormatsText(saml: SpProfile['saml']): string {
  if (!saml?.nameIdFormats.length) return 'any'
  let text = formatsText.get(saml)
  if (text === undefined) formatsText.set(saml, (text = saml.nameIdFormats.map(shortFormat).join(' or ')))
  return text
}
const formatsText = new WeakMap<NonNullable<SpProfile['saml']>, string>()

function shortFormat(uri: string): string {
  return uri.replace(NAMEID_SHORT, '')
}

function patternText(pattern: string | undefined): string | undefined {
  return pattern ? `a value matching ${pattern}` : undefined
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v]
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
}

function arrayOf(v: unknown): unknown[] {
  return Array.isArray(v) ? v : []
}

function record(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined
}
