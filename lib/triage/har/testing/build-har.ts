import { deflateRawSync } from 'node:zlib'

/** Test helpers: HAR files synthesised around real SAML fixtures (no mock-IdP recordings are used). */
export interface EntrySpec {
  at: string
  method?: string
  url: string
  status?: number
  requestHeaders?: Array<[string, string]>
  responseHeaders?: Array<[string, string]>
  form?: Record<string, string>
  body?: string
  mimeType?: string
  resourceType?: string
  location?: string
}

export function entry(s: EntrySpec) {
  const u = new URL(s.url)
  const formText = s.form ? new URLSearchParams(s.form).toString() : undefined
  return {
    startedDateTime: s.at,
    time: 50,
    request: {
      method: s.method ?? (s.form ? 'POST' : 'GET'),
      url: s.url,
      httpVersion: 'HTTP/1.1',
      headers: (s.requestHeaders ?? []).map(([name, value]) => ({ name, value })),
      queryString: [...u.searchParams].map(([name, value]) => ({ name, value })),
      cookies: [],
      headersSize: -1,
      bodySize: formText?.length ?? 0,
      ...(formText !== undefined
        ? {
            postData: {
              mimeType: 'application/x-www-form-urlencoded',
              text: formText,
              params: Object.entries(s.form!).map(([name, value]) => ({ name, value })),
            },
          }
        : {}),
    },
    response: {
      status: s.status ?? 200,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: [
        ...(s.responseHeaders ?? []),
        ...(s.location ? [['Location', s.location] as [string, string]] : []),
      ].map(([name, value]) => ({ name, value })),
      cookies: [],
      redirectURL: s.location ?? '',
      content: {
        size: s.body?.length ?? 0,
        mimeType: s.mimeType ?? 'text/html; charset=utf-8',
        ...(s.body !== undefined ? { text: s.body } : {}),
      },
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 40, receive: 10 },
    _resourceType: s.resourceType ?? 'document',
  }
}

export function har(entries: ReturnType<typeof entry>[]): string {
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'synthetic', version: '1' }, pages: [], entries } })
}

export const b64 = (xml: string) => Buffer.from(xml, 'utf8').toString('base64')
export const deflated = (xml: string) => deflateRawSync(Buffer.from(xml, 'utf8')).toString('base64')

export function authnRequest(o: { id?: string; issuer: string; acs: string; destination: string }): string {
  return `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${o.id ?? '_req1'}" Version="2.0" IssueInstant="2024-04-25T20:31:00Z" Destination="${o.destination}" AssertionConsumerServiceURL="${o.acs}" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"><saml:Issuer>${o.issuer}</saml:Issuer></samlp:AuthnRequest>`
}
