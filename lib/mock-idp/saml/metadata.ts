import { randomUUID } from 'node:crypto'
import type { PublishedKeys } from '../keys'
import type { MockIdpSite } from '../personality'
import { esc } from '../html'

const keyDescriptor = (certBase64: string, dsPrefix: string) =>
  dsPrefix
    ? `<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${certBase64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`
    : `<KeyDescriptor use="signing"><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X509Data><X509Certificate>${certBase64}</X509Certificate></X509Data></KeyInfo></KeyDescriptor>`

/**
 * The mock IdP's SAML metadata: SSO over Redirect and POST. `generic` lists the current signing certificate first,
 * then an expired leftover (a rollover left half done; `expired-cert` signs with it). `entra` and `okta` publish what
 * a correctly configured app of theirs does, one current certificate, so their metadata passes the checks: there
 * `expired-cert` is a certificate the metadata does not list. `entra` is written the way Entra's federation metadata
 * is (default namespace, an ID, no NameIDFormat, SingleLogoutService); `okta` the way Okta's app metadata is.
 */
export function idpMetadataXml(site: MockIdpSite<PublishedKeys>): string {
  const sso = `${site.base}${site.samlSsoPath}`
  const { signing, expired } = site.keys
  if (site.personality === 'entra') {
    return (
      `<?xml version="1.0" encoding="utf-8"?><EntityDescriptor ID="_${randomUUID()}" entityID="${esc(site.samlEntityId)}" xmlns="urn:oasis:names:tc:SAML:2.0:metadata">` +
      `<IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
      keyDescriptor(signing.certBase64, '') +
      `<SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${esc(sso)}" />` +
      `<SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${esc(sso)}" />` +
      `<SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${esc(sso)}" />` +
      `</IDPSSODescriptor></EntityDescriptor>`
    )
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${esc(site.samlEntityId)}">
<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
${keyDescriptor(signing.certBase64, 'ds')}
${site.personality === 'generic' && expired ? `${keyDescriptor(expired.certBase64, 'ds')}\n` : ''}<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${esc(sso)}"/>
<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${esc(sso)}"/>
</md:IDPSSODescriptor>
</md:EntityDescriptor>
`
}
