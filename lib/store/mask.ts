import { capReport, cutText as cut, type Report, type TimelineStep } from '../findings/report'
import { jsonDepth, maskAddresses, maskPersonal, maskPlain, REDACTED, scanText, scanXml, useMaskKey } from './mask-scan'

/*
 * The one masking module: what is saved, shared or exported carries no personal value unless the user chose so.
 *
 * An ALLOW-LIST, not a deny-list. A value is kept only when its field is known not to be personal (below); every
 * other value is masked whole, whatever its name (`mobile`, `employeeNumber`, a claim we have never heard of). On
 * top of that, anything with an `@` is masked wherever it appears, allowed fields included, and secrets (tokens,
 * passwords, codes, assertions) are removed. Values are cut to a bounded length BEFORE masking, and every scanner is
 * a single linear pass (lib/store/mask-scan.ts), so no input can make masking slow.
 *
 * A masked value is its first character, a keyed hash and, for an address, the domain (`e…·3fa2c1@demo.test`):
 * distinct per person, the same for the same person, meaningless without the installation's key.
 */

export { REDACTED, useMaskKey }

/** A value under a field that is not allowed (a person's value): at most this long before it is masked. */
export const MAX_VALUE_CHARS = 512
/** Our own prose with observed values in it (timeline summaries, where, IdP status messages). */
export const MAX_TEXT_CHARS = 4096
/** Decoded SAML XML kept in a timeline (AuthnRequest, decoded response), masked element by element. */
export const MAX_XML_CHARS = 64 * 1024
const MAX_ITEMS = 1000
const MAX_DEPTH = 40

/*
 * Fields that are not personal, by name (case and `_` / `-` ignored). Chosen because they describe the configuration
 * or the exchange, never the person: finding words and codes; severities, owners, verdicts, counts, sizes, durations;
 * IdP / SP entity IDs, issuers, audiences and endpoint URLs; algorithms, formats, bindings, AuthnContext classes;
 * certificate thumbprints and validity dates; protocol IDs (request / response IDs, InResponseTo, RelayState, run
 * IDs, correlation IDs: they identify an exchange, and support needs them to find it in the IdP's logs); status and
 * error codes; attribute and claim NAMES (not values); OIDC client IDs, redirect URIs, scopes. Evidence `expected`
 * and `actual` are allowed: checks compare configuration values there and never put a NameID or an attribute value
 * in them (they say "empty NameID", or list attribute names).
 * Not allowed, so masked: NameID, sub, email, names, phone, employee numbers, any attribute or claim VALUE, the
 * user's IP address, session indexes, and any field not listed.
 */
const ALLOWED = new Set([
  // report and finding words
  'code',
  'severity',
  'owner',
  'title',
  'detail',
  'nextstep',
  'important',
  'fixat',
  'logs',
  'docs',
  'kind',
  'idp',
  'profile',
  'profileid',
  'schema',
  'checkedat',
  'verdict',
  'errors',
  'warnings',
  'infos',
  'byowner',
  'vendor',
  'enduser',
  // evidence
  'expected',
  'actual',
  'now',
  'tolerance',
  'problem',
  'secondlevel',
  'matchedby',
  'mapfrom',
  'attribute',
  'servedby',
  'uris',
  'uri',
  'limit',
  'max',
  'min',
  'count',
  'total',
  'size',
  'bytes',
  'length',
  'folded',
  'foldedsteps',
  'shown',
  'alg',
  'algs',
  'kid',
  'time',
  'field',
  'available',
  'placeholder',
  'selfsigned',
  'timeoutms',
  'maxbytes',
  'base',
  'cycle',
  'pages',
  'page',
  'from',
  'to',
  'actualserver',
  'idpentityid',
  'problems',
  'problemevidence',
  'firstresult',
  // times
  'at',
  'since',
  'durationms',
  'notbefore',
  'notafter',
  'notonorafter',
  'issueinstant',
  'authninstant',
  'validuntil',
  'exp',
  'iat',
  'nbf',
  'authtime',
  'daysleft',
  'expiresat',
  'createdat',
  'timestamp',
  'deadline',
  // endpoints and identities of the IdP / SP
  'issuer',
  'responseissuer',
  'entityid',
  'entityids',
  'spentityid',
  'audience',
  'audiences',
  'recipient',
  'destination',
  'acsurl',
  'url',
  'urls',
  'host',
  'location',
  'binding',
  'bindings',
  'endpoint',
  'metadataurl',
  'ssourl',
  'iss',
  'aud',
  'azp',
  'clientid',
  'redirecturi',
  'scope',
  'responsetype',
  'codechallengemethod',
  'prompt',
  'authorizationendpoint',
  'tokenendpoint',
  'jwksuri',
  'userinfoendpoint',
  'endsessionendpoint',
  'connectionid',
  // the admin's label for a connection (configuration, shown on every connection page)
  'connectionname',
  // the OIDC client ID a redirect URI is registered for (evidence of TRIAGE_AADSTS50011 / TRIAGE_OKTA_REDIRECT_URI_NOT_ALLOWED in a test login)
  'registeredfor',
  // formats and algorithms
  'encoding',
  'method',
  'nameidformat',
  'nameidformats',
  'format',
  'authncontextclassref',
  'algorithm',
  'algorithms',
  'signaturealgorithm',
  'digestalgorithm',
  'keytype',
  'keybits',
  'use',
  'protocol',
  // certificates
  'certificate',
  'certificatesha256',
  'sha256',
  'sha1',
  'thumbprint',
  'fingerprint',
  'signsnow',
  // the exchange
  // (OIDC `state` and RelayState are single-use values of one exchange, already spent when a report is stored)
  'entry',
  'status',
  'statuscode',
  'error',
  'id',
  'inresponseto',
  'requestid',
  'runid',
  'relaystate',
  'state',
  'correlationid',
  'traceid',
  'assertions',
  'params',
  'signature',
  'response',
  'assertioncoveredby',
  'sessionindexpresent',
  'assertionconsumerserviceurl',
  'protocolbinding',
  'forceauthn',
  'ispassive',
  'substatus',
  'encryptedassertions',
  'validation',
  'elementcount',
  // what a HAR or a pasted text says about the sign-in, not the person (triage facts, support bundles)
  'entries',
  'ssohops',
  'creator',
  'hosts',
  'firstrequestat',
  'lastrequestat',
  'correlationids',
  'requestids',
  'traceids',
  'errorids',
  'timestamps',
  'errorcodes',
  // names, not values
  'attributenames',
  'names',
  'claimnames',
  'idtokenclaimnames',
])
/** Prose: our own sentences, or the IdP's message, with observed values in them; scanned, not masked whole. */
const TEXT = new Set([
  'data',
  'summary',
  'where',
  'source',
  'note',
  'reason',
  'statusmessage',
  'errordescription',
  'message',
  'description',
  'check',
  'hint',
  'query',
])
/** SAML XML kept for the timeline: structure kept, personal text and attribute values masked. */
const XML = new Set(['xml', 'authnrequest', 'decodedxml', 'decoded'])
/** Keys whose value is a secret: removed whole. */
const SECRET = new Set([
  'password',
  'passwd',
  'pwd',
  'secret',
  'clientsecret',
  'token',
  'idtoken',
  'accesstoken',
  'refreshtoken',
  'codeverifier',
  'authorization',
  'cookie',
  'setcookie',
  'samlresponse',
  'samlrequest',
  'assertion',
  'privatekey',
  'clientassertion',
  'otp',
  'passcode',
])

const norm = (k: string) => k.replace(/[_-]/g, '').toLowerCase()

/** A personal value, masked: `jane@corp.example` → `j…·3fa2c1@corp.example`, `jdoe-0042` → `j…·9b01d4`. */
export function maskValue(value: string): string {
  return maskPersonal(value.trim().slice(0, MAX_VALUE_CHARS))
}

/** A test user (email, NameID, sub) as it is stored and shown in the test matrix. */
export function maskUser(user: string): string {
  return maskValue(user)
}

/** Only the addresses in a text masked (error descriptions, status messages shown in triage). */
export function maskEmails(text: string): string {
  return maskAddresses(text)
}

/**
 * Free text of unknown shape: JSON text masked like the object it is, SAML XML element by element, a base64 SAML
 * message removed, anything else scanned for addresses, JWTs and bearer credentials.
 */
export function maskText(text: string, depth = 0): string {
  const t = text.trim()
  if ((t.startsWith('{') && t.endsWith('}')) || (t.startsWith('[') && t.endsWith(']'))) {
    // Nesting past the depth limit would be cut to [redacted] anyway: refused before JSON.parse builds it.
    if (depth + jsonDepth(t) > MAX_DEPTH) return REDACTED
    const json = parseJson(t)
    if (json !== undefined) return JSON.stringify(maskDeep(json, depth + 1))
  }
  if (t.startsWith('<')) return scanXml(text)
  if (looksLikeBase64Xml(t)) return REDACTED
  return scanText(text)
}

function parseJson(t: string): unknown {
  try {
    const v: unknown = JSON.parse(t)
    return v !== null && typeof v === 'object' ? v : undefined
  } catch {
    return undefined
  }
}

// A base64 blob that decodes to XML is a SAMLResponse / SAMLRequest: nothing in it is safe to keep.
function looksLikeBase64Xml(t: string): boolean {
  if (t.length < 40 || !/^[A-Za-z0-9+/=\r\n_-]+$/.test(t)) return false
  const head = Buffer.from(t.slice(0, 64), 'base64').toString('latin1')
  return head.trimStart().startsWith('<') || /samlp?:/i.test(head)
}

type FieldClass = 'allowed' | 'text' | 'xml' | 'personal'

/** Masks any JSON-like value by the allow-list above. Pure; returns a copy. A string on its own is free text. */
export function maskDeep(value: unknown, depth = 0): unknown {
  return maskAs(value, 'text', depth)
}

function maskAs(value: unknown, cls: FieldClass, depth: number): unknown {
  if (depth > MAX_DEPTH) return REDACTED
  if (typeof value === 'string') return maskString(value, cls, depth)
  if (typeof value === 'number' || typeof value === 'bigint')
    return cls === 'personal' ? maskPlain(String(value)) : value
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    const list =
      value.length > MAX_ITEMS
        ? [...value.slice(0, MAX_ITEMS - 1), `[${value.length - MAX_ITEMS + 1} more items]`]
        : value
    return list.map((v) => maskAs(v, cls, depth + 1))
  }
  const obj = value as Record<string, unknown>
  // An attribute or claim as { name, values }: the name is not personal, the values are. Elsewhere `name` is a person's.
  const attributeLike = 'values' in obj || 'value' in obj || 'nameFormat' in obj || 'friendlyName' in obj
  // fromEntries defines own members, so a `__proto__` key in posted JSON stays a plain member.
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, maskField(k, v, attributeLike, depth + 1)]))
}

function maskField(key: string, v: unknown, attributeLike: boolean, depth: number): unknown {
  const k = norm(key)
  if (k === 'code' && typeof v === 'string' && isOpaqueCode(v)) return REDACTED // an authorization code, not an error code
  if (k === 'assertion' && isStatusWord(v)) return v
  if (SECRET.has(k)) return v == null ? v : REDACTED
  if (k === 'name' && attributeLike) return maskAs(v, 'allowed', depth)
  if (ALLOWED.has(k)) return maskAs(v, 'allowed', depth)
  if (TEXT.has(k)) return maskAs(v, 'text', depth)
  if (XML.has(k)) return maskAs(v, 'xml', depth)
  // Containers under an unknown name are walked (their members have names of their own); leaves are masked.
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return maskAs(v, 'text', depth)
  return maskAs(v, 'personal', depth)
}

function maskString(s: string, cls: FieldClass, depth: number): string {
  switch (cls) {
    case 'personal':
      return maskValue(s)
    case 'allowed': {
      const v = cut(s, MAX_VALUE_CHARS)
      return looksLikeBase64Xml(v.trim()) ? REDACTED : scanText(v)
    }
    case 'xml':
      return scanXml(cut(s, MAX_XML_CHARS))
    case 'text':
      return maskText(cut(s, MAX_TEXT_CHARS), depth)
  }
}

/** facts.signature.assertion = 'valid' is a verdict about the assertion, not the assertion itself. */
function isStatusWord(v: unknown): boolean {
  return typeof v === 'string' && v.length <= 40 && /^[\w ,.()-]*$/.test(v)
}

// Error codes (AADSTS50011, invalid_client) stay; an authorization code (long, opaque) goes.
function isOpaqueCode(v: string): boolean {
  return v.length >= 20 && !/\s/.test(v) && !/^[A-Z]+\d+$/.test(v)
}

const words = (s: string | undefined) => (s === undefined ? s : scanText(cut(s, MAX_TEXT_CHARS)))

/**
 * The report as it may be saved, shared or exported: capped (lib/findings/report.ts), every personal value masked,
 * secrets removed. Finding codes, owners and catalog words stay; evidence, facts, timeline and subject go through
 * the allow-list.
 */
export function maskReport(report: Report): Report {
  const r = capReport(report)
  const { kind, idp, ...subjectRest } = r.subject
  return {
    ...r,
    subject: { kind, idp, ...(maskAs(subjectRest, 'text', 0) as Record<string, unknown>) },
    findings: r.findings.map((f) => ({
      ...f,
      title: words(f.title)!,
      detail: words(f.detail)!,
      nextStep: words(f.nextStep)!,
      ...(f.important !== undefined ? { important: words(f.important) } : {}),
      ...(f.fixAt !== undefined ? { fixAt: words(f.fixAt) } : {}),
      ...(f.logs !== undefined ? { logs: words(f.logs) } : {}),
      ...(f.docs ? { docs: f.docs.map((d) => words(d)!) } : {}),
      evidence: maskAs(f.evidence, 'text', 0) as typeof f.evidence,
    })),
    ...(r.skipped ? { skipped: r.skipped.map((s) => ({ check: words(s.check)!, reason: words(s.reason)! })) } : {}),
    ...(r.certificates
      ? {
          certificates: r.certificates.map((c) => ({
            ...c,
            subject: words(c.subject)!,
            ...(c.where !== undefined ? { where: words(c.where) } : {}),
          })),
        }
      : {}),
    ...(r.facts ? { facts: maskAs(r.facts, 'text', 0) as Record<string, unknown> } : {}),
    ...(r.timeline ? { timeline: maskSteps(r.timeline) } : {}),
  }
}

/** Timeline steps as they may be stored: kind and time kept, summary scanned, data through the allow-list. */
export function maskSteps(steps: readonly TimelineStep[]): TimelineStep[] {
  return steps.map((s) => ({ ...(maskAs(s, 'text', 0) as TimelineStep), kind: s.kind }))
}
