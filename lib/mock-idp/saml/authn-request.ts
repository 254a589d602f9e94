import { inflateRawSync } from 'node:zlib'
import { attr, firstChild, parseSafeXml, textContent } from '../../xml/index'

/** What the mock IdP needs from an AuthnRequest. */
export interface ReceivedAuthnRequest {
  readonly id: string
  readonly issuer: string
  readonly acsUrl: string
}

/**
 * Decodes SAMLRequest from either binding: Redirect values are deflated, POST values are not.
 * The mock trusts its callers (the app under test), but still caps the inflated size.
 */
export function decodeAuthnRequest(
  samlRequest: string,
  binding: 'redirect' | 'post',
): ReceivedAuthnRequest | { error: string } {
  let xml: string
  try {
    const raw = Buffer.from(samlRequest, 'base64')
    xml =
      binding === 'redirect'
        ? inflateRawSync(raw, { maxOutputLength: 256 * 1024 }).toString('utf8')
        : raw.toString('utf8')
  } catch {
    return { error: 'SAMLRequest is not valid base64 / deflate' }
  }
  // The project's own parser: linear, refuses DOCTYPEs, and already in the CLI bundle (xmldom would add 225 KB to it).
  const parsed = parseSafeXml(xml)
  if (!parsed.ok)
    return {
      error: /doctype/i.test(parsed.findings[0]?.code ?? '')
        ? 'DOCTYPE refused'
        : 'AuthnRequest is not well-formed XML',
    }
  const root = parsed.value.root
  if (root.local !== 'AuthnRequest') return { error: 'not an AuthnRequest' }
  const issuerEl = firstChild(root, 'urn:oasis:names:tc:SAML:2.0:assertion', 'Issuer')
  const id = attr(root, 'ID') ?? ''
  const acsUrl = attr(root, 'AssertionConsumerServiceURL') ?? ''
  if (!id || !acsUrl) return { error: 'AuthnRequest without ID or AssertionConsumerServiceURL' }
  return { id, acsUrl, issuer: issuerEl ? textContent(issuerEl).trim() : '' }
}
