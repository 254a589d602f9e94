import { randomBytes } from 'node:crypto'
import { deflateRawSync } from 'node:zlib'

export const BINDING_REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect'
export const BINDING_POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST'

export interface AuthnRequestInput {
  /** The request ID; InResponseTo must echo it. Starts with "_" so it is a valid xs:ID. */
  readonly id: string
  readonly issueInstant: Date
  /** The IdP's SingleSignOnService URL. */
  readonly destination: string
  /** The vendor's SP entity ID: the IdP applies the very app, claims and assignments the vendor will use. */
  readonly issuer: string
  /** Our own ACS, added once by the admin as an extra reply URL. */
  readonly acsUrl: string
  /** Ask the IdP to sign in again, so several test users can be tried in one browser. */
  readonly forceAuthn?: boolean
  /** NameIDPolicy Format; omitted when not given (the IdP's configured format applies). */
  readonly nameIdFormat?: string
}

/** A fresh AuthnRequest ID: 128 random bits, prefixed so it is a valid NCName. */
export function newRequestId(): string {
  return `_${randomBytes(16).toString('hex')}`
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string)
const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z')

/**
 * Builds an unsigned SAML 2.0 AuthnRequest asking for an HTTP-POST answer at `acsUrl`.
 * @see SAML 2.0 Core §3.4.1
 * @example buildAuthnRequest({ id: newRequestId(), issueInstant: new Date(), destination, issuer: spEntityId, acsUrl })
 */
export function buildAuthnRequest(input: AuthnRequestInput): string {
  const policy = input.nameIdFormat
    ? `<samlp:NameIDPolicy Format="${esc(input.nameIdFormat)}" AllowCreate="true"/>`
    : ''
  return (
    `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"` +
    ` ID="${esc(input.id)}" Version="2.0" IssueInstant="${iso(input.issueInstant)}" Destination="${esc(input.destination)}"` +
    ` AssertionConsumerServiceURL="${esc(input.acsUrl)}" ProtocolBinding="${BINDING_POST}"${input.forceAuthn ? ' ForceAuthn="true"' : ''}>` +
    `<saml:Issuer>${esc(input.issuer)}</saml:Issuer>${policy}</samlp:AuthnRequest>`
  )
}

/** HTTP-Redirect binding: DEFLATE, base64, then URL-encode, appended to the SSO URL (keeping its own query). @see SAML 2.0 Bindings §3.4.4.1 */
export function redirectBindingUrl(ssoUrl: string, authnRequestXml: string, relayState?: string): string {
  const url = new URL(ssoUrl)
  url.searchParams.set('SAMLRequest', deflateRawSync(Buffer.from(authnRequestXml, 'utf8')).toString('base64'))
  if (relayState) url.searchParams.set('RelayState', relayState)
  return url.href
}

/** HTTP-POST binding: the form fields a self-submitting page posts to the SSO URL. @see SAML 2.0 Bindings §3.5.4 */
export function postBindingFields(authnRequestXml: string, relayState?: string): Record<string, string> {
  return {
    SAMLRequest: Buffer.from(authnRequestXml, 'utf8').toString('base64'),
    ...(relayState ? { RelayState: relayState } : {}),
  }
}
