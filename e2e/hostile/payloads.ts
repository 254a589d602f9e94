/**
 * Hostile request bodies from issue 7's probe table, as generators: the load test, `npm run bench` (bench-hostile)
 * and unit tests of the endpoints' gates build the same inputs from here. Sizes default to the figures;
 * every generator takes a smaller size for quick tests.
 */

export const SAMLP = 'urn:oasis:names:tc:SAML:2.0:protocol'
export const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion'

/** One request to send: method, path on the app, headers, body. `accept` says which answers are acceptable. */
export interface HostileProbe {
  readonly name: string
  readonly method: 'GET' | 'POST'
  readonly path: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: Buffer
  /**
   * 'refuse': only a 4xx is right (cross-origin writes, foreign Host, oversized bodies).
   * 'refuse-or-findings': a 4xx, or an answer that carries findings (200 JSON with findings; for the ACS, its
   * documented 303 to a result page that shows findings).
   */
  readonly accept: 'refuse' | 'refuse-or-findings'
}

// ---------------------------------------------------------------------------------------------------------------
// SAML responses (XML)

/** A Response whose root declares `n` namespaces, followed by `n` sibling elements that each declare one more. */
export function namespaceFloodXml(n = 10_000): string {
  const decls = Array.from({ length: n }, (_, i) => ` xmlns:n${i}="urn:x:${i}"`).join('')
  const children = Array.from({ length: n }, (_, i) => `<n${i}:e xmlns:m${i}="urn:y:${i}"/>`).join('')
  return `<samlp:Response xmlns:samlp="${SAMLP}" ID="_ns" Version="2.0" IssueInstant="2026-01-01T00:00:00Z"${decls}>${children}</samlp:Response>`
}

/** One element with `n` distinct attributes (100,000 ≈ 1 MB). */
export function attributeFloodXml(n = 100_000): string {
  const attrs = Array.from({ length: n }, (_, i) => ` a${i}="v"`).join('')
  return `<samlp:Response xmlns:samlp="${SAMLP}" ID="_attrs" Version="2.0" IssueInstant="2026-01-01T00:00:00Z"${attrs}/>`
}

/** An unsigned, otherwise plausible Response whose InResponseTo is `length` characters (the masking regexes' worst case). */
export function longInResponseToXml(length = 100_000, o: { now?: Date; acsUrl?: string } = {}): string {
  const now = (o.now ?? new Date()).toISOString()
  const later = new Date((o.now ?? new Date()).getTime() + 5 * 60_000).toISOString()
  const irt = `_${'a1b2c3d4'.repeat(Math.ceil(length / 8)).slice(0, Math.max(0, length - 1))}`
  const acs = o.acsUrl ?? 'http://localhost/saml/acs'
  return (
    `<samlp:Response xmlns:samlp="${SAMLP}" xmlns:saml="${SAML}" ID="_r1" Version="2.0" IssueInstant="${now}" Destination="${acs}" InResponseTo="${irt}">` +
    `<saml:Issuer>https://idp.hostile.test/</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    `<saml:Assertion ID="_a1" Version="2.0" IssueInstant="${now}"><saml:Issuer>https://idp.hostile.test/</saml:Issuer>` +
    `<saml:Subject><saml:NameID>jane.doe@corp</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">` +
    `<saml:SubjectConfirmationData InResponseTo="${irt}" NotOnOrAfter="${later}" Recipient="${acs}"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${now}" NotOnOrAfter="${later}"/></saml:Assertion></samlp:Response>`
  )
}

/** The HTTP-POST binding's form body for a SAMLResponse, as an IdP (or an attacker) posts it to the ACS. */
export function acsForm(xml: string, relayState = 'hostile-relay-state-000'): Buffer {
  return Buffer.from(
    new URLSearchParams({
      SAMLResponse: Buffer.from(xml, 'utf8').toString('base64'),
      RelayState: relayState,
    }).toString(),
    'utf8',
  )
}

// ---------------------------------------------------------------------------------------------------------------
// Support bundles and reports (JSON)

/** A minimal, schema-shaped report (sso-preflight/report@1) with one finding whose evidence is `actual`. */
export function reportJson(o: { checkedAt?: string; actual?: string } = {}): Record<string, unknown> {
  return {
    schema: 'sso-preflight/report@1',
    subject: { kind: 'saml-response', idp: 'okta' },
    profile: 'autodesk',
    checkedAt: o.checkedAt ?? '2026-11-22T10:00:00.000Z',
    summary: { errors: 1, warnings: 0, infos: 0, byOwner: { idp: 1, vendor: 0, 'end-user': 0 }, verdict: 'no-go' },
    findings: [
      {
        code: 'CERT_EXPIRED',
        severity: 'error',
        owner: 'idp',
        title: 'The IdP certificate has expired',
        detail: 'x',
        nextStep: 'x',
        evidence: { expected: 'valid', actual: o.actual ?? 'expired' },
      },
    ],
  }
}

/** A support bundle whose first report carries a value nested `depth` arrays deep (100,000 ≈ 200 KB). */
export function deepBundleText(depth = 100_000): string {
  const bundle = supportBundle([reportJson()])
  const head = JSON.stringify(bundle).replace(/\}$/, '')
  return `${head},"deep":${'['.repeat(depth)}${']'.repeat(depth)}}`
}

/** A support bundle that is well-formed but for its dates ("x" where an ISO timestamp belongs). */
export function invalidDateBundleText(): string {
  return JSON.stringify({ ...supportBundle([reportJson({ checkedAt: 'x' })]), createdAt: 'not a date' })
}

function supportBundle(reports: Record<string, unknown>[]): Record<string, unknown> {
  return {
    schema: 'sso-preflight/support-bundle@1',
    createdAt: '2026-11-22T10:00:00.000Z',
    masked: true,
    reports,
    identifiers: { correlationIds: [], requestIds: [], traceIds: [], errorIds: [], timestamps: [], errorCodes: [] },
    configuration: [
      {
        kind: 'saml-response',
        idp: 'okta',
        profile: 'autodesk',
        checkedAt: 'x',
        verdict: 'no-go',
        errors: 1,
        warnings: 0,
      },
    ],
  }
}

/** `bytes` of JSON: one report array padded with a long string, for the body caps of the JSON routes. */
export function hugeJson(bytes: number): Buffer {
  const prefix = '{"reports":[],"pad":"'
  const suffix = '"}'
  return Buffer.concat([
    Buffer.from(prefix),
    Buffer.alloc(Math.max(0, bytes - prefix.length - suffix.length), 0x61),
    Buffer.from(suffix),
  ])
}

// ---------------------------------------------------------------------------------------------------------------
// Multipart bodies (/triage/analyze)

export const MULTIPART_BOUNDARY = '----sso-preflight-hostile-boundary'

/** A multipart/form-data body with text fields and at most one file field, built by hand to control its size. */
export function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer }): Buffer {
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
    )
    parts.push(file.content, Buffer.from('\r\n'))
  }
  parts.push(Buffer.from(`--${MULTIPART_BOUNDARY}--\r\n`))
  return Buffer.concat(parts)
}

export const MULTIPART_TYPE = `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`

// ---------------------------------------------------------------------------------------------------------------
// The probes, one per row of issue 7's table that an HTTP client can send

export interface ProbeOptions {
  /** The app's port: the foreign-Host probe keeps it, as a DNS-rebinding page would. */
  readonly port: number
  /** Size of the oversized multipart upload (the issue used 1 GB; anything above the body cap shows the gate). */
  readonly oversizedBytes?: number
  /** Size of the oversized JSON posted to /triage/bundle (the issue used 300 MB). */
  readonly hugeJsonBytes?: number
  /** Scale for the XML floods: 1 = the sizes. */
  readonly scale?: number
}

const EVIL = 'http://evil.example'
const crossSite = {
  origin: EVIL,
  'sec-fetch-site': 'cross-site',
  'sec-fetch-mode': 'no-cors',
  'sec-fetch-dest': 'empty',
}

export function hostileProbes(o: ProbeOptions): HostileProbe[] {
  const scale = o.scale ?? 1
  const n = (x: number) => Math.max(10, Math.round(x * scale))
  const form = { 'content-type': 'application/x-www-form-urlencoded', origin: 'null', 'sec-fetch-site': 'cross-site' }
  return [
    {
      name: 'acs-namespace-flood',
      method: 'POST',
      path: '/saml/acs',
      headers: form,
      body: acsForm(namespaceFloodXml(n(10_000))),
      accept: 'refuse-or-findings',
    },
    {
      name: 'acs-attribute-flood',
      method: 'POST',
      path: '/saml/acs',
      headers: form,
      body: acsForm(attributeFloodXml(n(100_000))),
      accept: 'refuse-or-findings',
    },
    {
      name: 'acs-100k-inresponseto',
      method: 'POST',
      path: '/saml/acs',
      headers: form,
      body: acsForm(longInResponseToXml(n(100_000))),
      accept: 'refuse-or-findings',
    },
    {
      name: 'triage-oversized-multipart',
      method: 'POST',
      path: '/triage/analyze',
      headers: { 'content-type': MULTIPART_TYPE },
      body: multipart(
        { profile: 'generic' },
        { name: 'capture.har', content: Buffer.alloc(o.oversizedBytes ?? 48 * 1024 * 1024, 0x20) },
      ),
      accept: 'refuse',
    },
    {
      name: 'triage-deep-bundle',
      method: 'POST',
      path: '/triage/analyze',
      headers: { 'content-type': MULTIPART_TYPE },
      body: multipart({ text: deepBundleText(n(100_000)), profile: 'generic' }),
      accept: 'refuse-or-findings',
    },
    {
      name: 'triage-invalid-date-bundle',
      method: 'POST',
      path: '/triage/analyze',
      headers: { 'content-type': MULTIPART_TYPE },
      body: multipart({ text: invalidDateBundleText(), profile: 'generic' }),
      accept: 'refuse-or-findings',
    },
    {
      name: 'bundle-huge-json',
      method: 'POST',
      path: '/triage/bundle',
      headers: { 'content-type': 'application/json' },
      body: hugeJson(o.hugeJsonBytes ?? 24 * 1024 * 1024),
      accept: 'refuse',
    },
    {
      name: 'bundle-deep-json',
      method: 'POST',
      path: '/triage/bundle',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(`{"reports":${'['.repeat(n(100_000))}${']'.repeat(n(100_000))}}`),
      accept: 'refuse',
    },
    {
      name: 'connections-text-plain-cross-origin',
      method: 'POST',
      path: '/api/connections',
      headers: { 'content-type': 'text/plain;charset=UTF-8', ...crossSite },
      body: Buffer.from(
        JSON.stringify({
          name: 'attacker',
          protocol: 'saml',
          profileId: 'generic',
          metadataUrl: 'http://127.0.0.1:9/metadata',
          spEntityId: 'https://sp.hostile.test',
        }),
      ),
      accept: 'refuse',
    },
    {
      name: 'saved-reports-text-plain-cross-origin',
      method: 'POST',
      path: '/api/saved-reports',
      headers: { 'content-type': 'text/plain;charset=UTF-8', ...crossSite },
      body: Buffer.from(JSON.stringify({ report: reportJson({ actual: 'x'.repeat(n(100_000)) }) })),
      accept: 'refuse',
    },
    {
      name: 'saved-reports-100k-evidence',
      method: 'POST',
      path: '/api/saved-reports',
      headers: {
        'content-type': 'application/json',
        origin: `http://127.0.0.1:${o.port}`,
        'sec-fetch-site': 'same-origin',
      },
      body: Buffer.from(
        JSON.stringify({
          report: reportJson({ checkedAt: 'x', actual: 'jane.doe@corp '.repeat(Math.ceil(n(100_000) / 14)) }),
        }),
      ),
      accept: 'refuse',
    },
    {
      name: 'connections-foreign-host',
      method: 'GET',
      path: '/api/connections',
      headers: { host: `rebind.evil.example:${o.port}` },
      accept: 'refuse',
    },
  ]
}
