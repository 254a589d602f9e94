import { b64, entry, har } from './build-har'

/** A failed SAMLResponse (Responder / AuthnFailed): two findings per copy when analysed without metadata. */
export function failedResponse(i = 0): string {
  return `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r${i}" Version="2.0" IssueInstant="2024-04-25T20:31:00Z" Destination="https://sp.example.com/acs"><saml:Issuer>https://idp.example.com</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder"><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"/></samlp:StatusCode></samlp:Status></samlp:Response>`
}

/**
 * The issue 7 probe: a HAR with `hops` SAML responses posted to an ACS (48,000 made 40 MB, 10 s, 1 GB and a 141 MB
 * report with 96,000 findings). `distinct` makes each response different (no two findings identical).
 */
export function manySamlHops(hops: number, o: { distinct?: boolean } = {}): string {
  const t = Date.parse('2024-04-25T20:30:00Z')
  const same = b64(failedResponse())
  // Minimal entries (what a HAR writer must emit), so 48,000 of them fit in the 40 MB cap as in the probe.
  const list = []
  for (let i = 0; i < hops; i++) {
    const form = new URLSearchParams({
      SAMLResponse: o.distinct ? b64(failedResponse(i)) : same,
      RelayState: 'r',
    }).toString()
    list.push({
      startedDateTime: new Date(t + i * 10).toISOString(),
      request: {
        method: 'POST',
        url: 'https://sp.example.com/acs',
        headers: [],
        queryString: [],
        cookies: [],
        postData: { mimeType: 'application/x-www-form-urlencoded', text: form },
      },
      response: { status: 200, headers: [], cookies: [], content: { mimeType: 'text/html' } },
    })
  }
  return JSON.stringify({ log: { version: '1.2', entries: list } })
}

/** A normal small sign-in (used to check the caps change nothing on ordinary input). */
export function oneSamlHop(): string {
  return har([
    entry({
      at: '2024-04-25T20:30:00Z',
      url: 'https://sp.example.com/acs',
      form: { SAMLResponse: b64(failedResponse()), RelayState: 'r' },
    }),
  ])
}
