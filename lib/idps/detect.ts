import { z } from 'zod'
import { parseCertificate } from '../certs/parse'
import { IDP_IDS, IDP_PACKS, type IdpId } from './registry'
import type { Detection, Matcher } from './schema'

/** The evidence one document or login offers about which IdP made it. Every member is untrusted text. */
export interface IdpSignals {
  /** Metadata entityID. */
  readonly entityId?: string | undefined
  /** Metadata SSO / SLO locations, OIDC authorization / token endpoints. */
  readonly endpoints?: ReadonlyArray<string | undefined>
  /** Issuer of a SAML response (or assertion). */
  readonly responseIssuer?: string | undefined
  /** OIDC issuer candidates, most trusted first (the document's issuer, the configured one, the discovery URL's). */
  readonly oidcIssuers?: ReadonlyArray<string | undefined>
  /** Text or URL of an error page the IdP showed. */
  readonly errorPage?: string | undefined
  /** Signing certificates (base64 DER or PEM): read only when no cheaper signal decided. */
  readonly certificates?: ReadonlyArray<string>
}

export const DetectionSignalSchema = z.enum([
  'entityId',
  'endpointHost',
  'responseIssuer',
  'oidcIssuer',
  'errorPage',
  'certificate',
  'none',
])
export type DetectionSignal = z.infer<typeof DetectionSignalSchema>

export const IdpDetectionSchema = z.object({
  idp: z.enum(IDP_IDS),
  /** The app variant, when a signal tells it (none does yet: every variant-specific screen says which variant it is for). */
  variant: z.string().optional(),
  /** Which kind of evidence decided ('none': nothing matched, so 'other'). */
  signal: DetectionSignalSchema,
  /** The value that matched (capped), so a report can say why it named this IdP. */
  evidence: z.string(),
})
export type IdpDetection = z.infer<typeof IdpDetectionSchema>

/** Longer values are cut before matching: an entity ID or URL of this length is already no real one. */
const MAX_SIGNAL_CHARS = 4096
/** An error page is a whole HTML page: its code may sit deep in it. */
const MAX_ERROR_PAGE_CHARS = 256 * 1024
const MAX_EVIDENCE_CHARS = 200
const MAX_CERTIFICATES = 8

/**
 * Which IdP product made a document or login, from every signal given, and which signal said so. Signals are tried
 * from the most specific (entity ID, issuers) to the least (endpoints, error page, certificate names); within a
 * signal, packs in registry order. Only string operations: linear in the input.
 * @example detectIdp({ entityId: 'https://sts.windows.net/<tenant>/' }) // { idp: 'entra', signal: 'entityId', ... }
 */
export function detectIdp(signals: IdpSignals): IdpDetection {
  const tries: Array<
    [
      Exclude<DetectionSignal, 'none' | 'certificate'>,
      ReadonlyArray<string | undefined>,
      (d: Detection) => readonly Matcher[],
    ]
  > = [
    ['entityId', [signals.entityId], (d) => d.entityId],
    ['responseIssuer', [signals.responseIssuer], (d) => [...d.responseIssuer, ...d.entityId]],
    ['oidcIssuer', signals.oidcIssuers ?? [], (d) => d.oidcIssuer],
    ['endpointHost', signals.endpoints ?? [], (d) => d.endpointHost],
    ['errorPage', [signals.errorPage], (d) => d.errorPage],
  ]
  for (const [signal, values, matchersOf] of tries) {
    const found = firstMatch(values, matchersOf, signal === 'errorPage' ? MAX_ERROR_PAGE_CHARS : MAX_SIGNAL_CHARS)
    if (found) return { idp: found.idp, signal, evidence: cap(found.value) }
  }
  const subjects = (signals.certificates ?? []).slice(0, MAX_CERTIFICATES).map((c) => parseCertificate(c)?.subject)
  const byCert = firstMatch(subjects, (d) => d.certificate)
  if (byCert) return { idp: byCert.idp, signal: 'certificate', evidence: cap(byCert.value) }
  return { idp: 'other', signal: 'none', evidence: '' }
}

function firstMatch(
  values: ReadonlyArray<string | undefined>,
  matchersOf: (d: Detection) => readonly Matcher[],
  max = MAX_SIGNAL_CHARS,
): { idp: IdpId; value: string } | undefined {
  for (const raw of values) {
    if (!raw) continue
    const value = new SignalValue(raw, max)
    for (const pack of IDP_PACKS) {
      const m = matchersOf(pack.detect).find((m) => value.matches(m))
      if (m) return { idp: pack.id, value: value.around(m) }
    }
  }
  return undefined
}

/** One untrusted value, lower-cased and URL-parsed at most once however many matchers look at it. */
class SignalValue {
  readonly text: string
  private readonly lower: string
  private url: URL | null | undefined
  constructor(raw: string, max: number) {
    this.text = raw.slice(0, max).trim()
    this.lower = this.text.toLowerCase()
  }
  matches(m: Matcher): boolean {
    if (m.equals !== undefined && this.lower !== m.equals.toLowerCase()) return false
    if (m.prefix !== undefined && !this.lower.startsWith(m.prefix.toLowerCase())) return false
    if (m.suffix !== undefined && !this.lower.endsWith(m.suffix.toLowerCase())) return false
    if (m.contains !== undefined && !this.lower.includes(m.contains.toLowerCase())) return false
    if (m.host === undefined && m.pathPrefix === undefined && m.pathContains === undefined) return true
    const url = this.parsed()
    if (!url) return false
    if (m.host !== undefined && !hostMatches(url.hostname.toLowerCase(), m.host)) return false
    const path = url.pathname.toLowerCase()
    if (m.pathPrefix !== undefined && !path.startsWith(m.pathPrefix.toLowerCase())) return false
    if (m.pathContains !== undefined && !path.includes(m.pathContains.toLowerCase())) return false
    return true
  }
  /** The value, or for a long text (an error page) the part where the matcher's marker is. */
  around(m: Matcher): string {
    if (this.text.length <= MAX_EVIDENCE_CHARS || m.contains === undefined) return this.text
    const at = this.lower.indexOf(m.contains.toLowerCase())
    return this.text.slice(at, at + MAX_EVIDENCE_CHARS)
  }
  private parsed(): URL | null {
    if (this.url === undefined) {
      try {
        this.url = new URL(this.text)
      } catch {
        this.url = null
      }
    }
    return this.url
  }
}

function hostMatches(host: string, pattern: string): boolean {
  return pattern.startsWith('*.')
    ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1
    : host === pattern
}

function cap(s: string): string {
  return s.length > MAX_EVIDENCE_CHARS ? `${s.slice(0, MAX_EVIDENCE_CHARS)}…` : s
}
