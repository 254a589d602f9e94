import type { CatalogEntry } from '../types'

// Where the admin finds the document URL (or the document itself, to upload instead of fetching).
const DOC_URL = {
  entra:
    'Entra admin center › Entra ID › App registrations › (app) › Overview › Endpoints (OpenID Connect metadata document) — or Enterprise apps › (app) › Single sign-on › SAML Certificates › App Federation Metadata Url',
  okta: 'Okta Admin Console › Security › API › Authorization Servers › (server) › Metadata URI — or Applications › (app) › Sign On › SAML 2.0 › Metadata details › Metadata URL',
  adfs: 'AD FS Management › Service › Endpoints › Metadata (FederationMetadata.xml) / OpenID Connect Discovery',
} as const

/**
 * The one outbound fetch (lib/net) and why it refused or failed. The URL comes from the admin, so the fix is
 * theirs: give the IdP's public document URL, or download the document and upload it instead.
 */
export const netCatalog = {
  NET_URL_INVALID: {
    severity: 'error',
    owner: 'idp',
    title: 'The URL cannot be used',
    symptom: 'The metadata or discovery URL was mistyped, is relative, or carries a user name or password.',
    detail: 'The value is not an absolute URL that can be fetched, or it embeds credentials, which are never sent.',
    nextStep:
      'Copy the document URL exactly as the IdP shows it (it starts with https://), or download the document and upload the file.',
    fixAt: DOC_URL,
  },
  NET_SCHEME_NOT_ALLOWED: {
    severity: 'error',
    owner: 'idp',
    title: 'Only http(s) URLs are fetched',
    symptom: 'The URL starts with file:, ftp:, data:, javascript: or another scheme.',
    detail:
      'The validator fetches only https (and, for tests, http) URLs. Other schemes could read local files or run code, so they are refused.',
    nextStep:
      'Use the https URL the IdP publishes for its metadata or OpenID configuration, or upload the document as a file.',
    fixAt: DOC_URL,
  },
  NET_NOT_HTTPS: {
    severity: 'warning',
    owner: 'idp',
    title: 'The document was fetched over plain http',
    symptom: 'The URL (or a redirect) uses http:// instead of https://.',
    detail:
      'Anyone on the network path can change a document fetched over http, including the keys that verify logins. Production IdPs publish metadata and discovery over https.',
    nextStep: 'Use the https URL of the document. If the IdP only serves http, fix its TLS set-up before going live.',
    fixAt: DOC_URL,
  },
  NET_LOOPBACK_ADDRESS: {
    severity: 'error',
    owner: 'idp',
    title: 'The URL points at this machine (localhost)',
    symptom: 'A localhost, 127.0.0.1 or ::1 URL, or a host name that resolves to one.',
    detail:
      'The validator never fetches from its own machine: that is how server-side request forgery reaches internal services. The address that was refused is in the evidence.',
    nextStep: 'Give the IdP’s public URL, or download the document and upload it as a file.',
    important:
      'Demo and test set-ups can allow loopback explicitly (SSO_PREFLIGHT_ALLOW_LOOPBACK=1); private networks are never allowed.',
    fixAt: DOC_URL,
  },
  NET_PRIVATE_ADDRESS: {
    severity: 'error',
    owner: 'idp',
    title: 'The URL points at a private or internal network address',
    symptom:
      'The host is (or resolves to) 10.x, 172.16–31.x, 192.168.x, 100.64.x (CGNAT), fc00::/7, fe80::/10, an IPv4-mapped or NAT64 form of one, or another non-public address.',
    detail:
      'The validator fetches only from public addresses, checked on every address the host resolves to and again after each redirect. An IdP on an internal network (e.g. an intranet AD FS) cannot be fetched from here.',
    nextStep:
      'Download the document from inside your network (browser or curl) and upload the file instead of the URL.',
    fixAt: DOC_URL,
  },
  NET_METADATA_SERVICE_ADDRESS: {
    severity: 'error',
    owner: 'idp',
    title: 'The URL points at a cloud metadata service',
    symptom:
      'The host is (or resolves to, or redirects to) 169.254.169.254, fd00:ec2::254, 100.100.100.200 or a similar instance-metadata address.',
    detail:
      'Cloud instance-metadata services hand out credentials; requests to them are always refused. No IdP publishes its metadata there.',
    nextStep: 'Give the IdP’s public document URL. If this URL came from someone else, treat it as an attack attempt.',
    important: 'A metadata or discovery URL that leads here is hostile; do not use documents from the same source.',
    fixAt: DOC_URL,
  },
  NET_RESERVED_ADDRESS: {
    severity: 'error',
    owner: 'idp',
    title: 'The URL points at a reserved, multicast or unspecified address',
    symptom:
      'The host is (or resolves to) 0.0.0.0, 255.255.255.255, a multicast, documentation, benchmarking or otherwise reserved address.',
    detail: 'Such addresses are not reachable public hosts; requests to them are refused.',
    nextStep: 'Check the host name in the URL; use the IdP’s public document URL or upload the document as a file.',
    fixAt: DOC_URL,
  },
  NET_DNS_FAILURE: {
    severity: 'error',
    owner: 'idp',
    title: 'The host name does not resolve',
    symptom: 'The URL’s host name is mistyped, internal-only, or DNS did not answer.',
    detail: 'Looking up the host name failed, so nothing was fetched. The DNS error code is in the evidence.',
    nextStep:
      'Check the host name (for Entra: login.microsoftonline.com; for Okta: <your-org>.okta.com). If the IdP is internal-only, upload the document instead.',
    fixAt: DOC_URL,
  },
  // A host that resolves worldwide (login.microsoftonline.com) failing DNS says nothing about the IdP: the fix is
  // made on the machine or network that runs the check, i.e. by the person running it (owner 'end-user', issue 9).
  NET_DNS_FAILURE_LOCAL_NETWORK: {
    severity: 'error',
    owner: 'end-user',
    title: 'A well-known IdP host does not resolve from where the check runs',
    symptom:
      'login.microsoftonline.com, accounts.google.com or a similar public IdP host does not resolve: no internet, a DNS outage, or a proxy-only network.',
    detail:
      'This host name resolves everywhere on the internet, so the failure is in the network of the machine running the check (offline, DNS blocked, proxy required), not in the IdP’s configuration.',
    nextStep:
      'Check this machine’s internet connection, DNS and proxy settings and run the check again, or download the document in a browser and upload it as a file.',
  },
  NET_CONNECT_FAILED: {
    severity: 'error',
    owner: 'idp',
    title: 'The server could not be reached',
    symptom: 'The connection was refused, reset, or the network is unreachable.',
    detail:
      'The host resolved to a public address but no connection could be made. The system error code is in the evidence.',
    nextStep:
      'Open the URL in a browser to check it works from outside your network; if it only works inside, upload the document instead.',
    fixAt: DOC_URL,
  },
  NET_TLS_ERROR: {
    severity: 'error',
    owner: 'idp',
    title: 'The server’s TLS certificate or handshake failed',
    symptom:
      'An https URL whose certificate is expired, self-signed, issued for another host name, or whose TLS handshake fails.',
    detail:
      'The TLS connection was not trusted, so nothing was read: a document fetched over an untrusted connection could have been changed. The TLS error code is in the evidence.',
    nextStep:
      'Fix the server’s TLS certificate (a publicly trusted certificate for this host name), or upload the document as a file.',
    fixAt: DOC_URL,
  },
  NET_TIMEOUT: {
    severity: 'error',
    owner: 'idp',
    title: 'The server did not answer in time',
    symptom: 'The URL takes longer than a few seconds to load.',
    detail: 'The whole fetch (all redirects and the body) must finish within the time limit in the evidence.',
    nextStep:
      'Try the URL in a browser; if it is slow or hangs, download the document when it loads and upload the file.',
    fixAt: DOC_URL,
  },
  NET_TOO_LARGE: {
    severity: 'error',
    owner: 'idp',
    title: 'The response is larger than any SSO document',
    symptom: 'The URL returns a very large body (a federation aggregate, a web page, a file download).',
    detail:
      'The download stopped at the size limit in the evidence. Metadata and discovery documents are a few kilobytes.',
    nextStep:
      'Use the URL of your IdP’s own metadata or OpenID configuration, not a federation-wide aggregate or a portal page.',
    fixAt: DOC_URL,
  },
  NET_TOO_MANY_REDIRECTS: {
    severity: 'error',
    owner: 'idp',
    title: 'The URL redirects too many times',
    symptom: 'The URL leads through a long chain of redirects or a redirect loop (often a sign-in page).',
    detail:
      'The fetch follows at most the number of redirects in the evidence; each hop is checked against the address policy.',
    nextStep:
      'Use the final document URL directly. A document behind a sign-in page cannot be fetched: download it and upload the file.',
    fixAt: DOC_URL,
  },
  NET_HTTP_ERROR: {
    step: 'idp-answer',
    severity: 'error',
    owner: 'idp',
    title: 'The server answered with an HTTP error',
    symptom: 'The URL returns 404 Not Found, 401/403, 500 or another error status.',
    detail:
      'The document could not be fetched; the HTTP status and the final URL are in the evidence. A 404 usually means a wrong tenant, app or authorization server in the URL.',
    nextStep:
      'Copy the document URL again from the IdP (the exact tenant ID, app ID or authorization server), or upload the document as a file.',
    fixAt: DOC_URL,
  },
  NET_RESERVED_EXAMPLE_DOMAIN: {
    severity: 'error',
    owner: 'idp',
    title: 'The host is a reserved example domain',
    symptom:
      'A single sign-on URL, entity ID, issuer or endpoint uses a host such as idp.example.com, idp.example.test, sso.invalid or app.localhost.',
    detail:
      'Names under example.com / .net / .org and the .test, .example, .invalid and .localhost top-level domains are reserved for documentation and testing (RFC 2606, RFC 6761): no real IdP is reachable there from the internet. That is fine for a test IdP (a warning under the generic profile), but a vendor’s service can never reach it (an error under a vendor profile).',
    nextStep:
      'If this is a test IdP, carry on. For the real connection, download the metadata or discovery document again from the production IdP, whose URLs use its public host name.',
    fixAt: {
      entra:
        'Nothing to change in Entra (its endpoints are on login.microsoftonline.com): download the Federation Metadata XML again from Entra ID › Enterprise apps › (app) › Single sign-on › SAML Certificates',
      okta: 'Nothing to change in Okta (its endpoints are on <org>.okta.com): download the metadata again from Applications › (app) › Sign On › SAML 2.0 › Metadata details',
    },
    docs: ['https://www.rfc-editor.org/rfc/rfc2606', 'https://www.rfc-editor.org/rfc/rfc6761#section-6'],
  },
} as const satisfies Record<`NET_${string}`, CatalogEntry>
