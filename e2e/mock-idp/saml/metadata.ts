import { testKeys } from '../keys'

/** The mock IdP's SAML metadata: SSO over Redirect and POST; the current signing certificate first, then an expired leftover. */
export function idpMetadataXml(base: string): string {
  const keys = testKeys()
  const keyDescriptor = (certBase64: string) => `<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${certBase64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`
  return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${base}/saml/metadata">
<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
${keyDescriptor(keys.signing.certBase64)}
${keyDescriptor(keys.expired.certBase64)}
<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${base}/saml/sso"/>
<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${base}/saml/sso"/>
</md:IDPSSODescriptor>
</md:EntityDescriptor>
`
}

export function idpEntityId(base: string): string {
  return `${base}/saml/metadata`
}
