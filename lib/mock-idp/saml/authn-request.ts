import { inflateRawSync } from 'node:zlib'
import { DOMParser } from '@xmldom/xmldom'

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
export function decodeAuthnRequest(samlRequest: string, binding: 'redirect' | 'post'): ReceivedAuthnRequest | { error: string } {
  let xml: string
  try {
    const raw = Buffer.from(samlRequest, 'base64')
    xml = binding === 'redirect' ? inflateRawSync(raw, { maxOutputLength: 256 * 1024 }).toString('utf8') : raw.toString('utf8')
  } catch {
    return { error: 'SAMLRequest is not valid base64 / deflate' }
  }
  if (/<!DOCTYPE/i.test(xml)) return { error: 'DOCTYPE refused' }
  try {
    const doc = new DOMParser().parseFromString(xml, 'text/xml')
    const root = doc.documentElement
    if (!root || root.localName !== 'AuthnRequest') return { error: 'not an AuthnRequest' }
    const issuerEl = root.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:assertion', 'Issuer')[0]
    const id = root.getAttribute('ID') ?? ''
    const acsUrl = root.getAttribute('AssertionConsumerServiceURL') ?? ''
    if (!id || !acsUrl) return { error: 'AuthnRequest without ID or AssertionConsumerServiceURL' }
    return { id, acsUrl, issuer: issuerEl?.textContent?.trim() ?? '' }
  } catch {
    return { error: 'AuthnRequest is not well-formed XML' }
  }
}
