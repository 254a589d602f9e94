import { BINDING_POST } from './authn-request'

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string)

/**
 * SP metadata for IdPs that take a file: the vendor's entity ID (so the IdP app is the vendor's) with our ACS as an
 * extra AssertionConsumerService at index 1 and the vendor's ACS (when known) as the default at index 0.
 */
export function buildSpMetadata(o: { spEntityId: string; ourAcsUrl: string; vendorAcsUrl?: string }): string {
  const acs = [
    ...(o.vendorAcsUrl ? [{ url: o.vendorAcsUrl, isDefault: true }] : []),
    { url: o.ourAcsUrl, isDefault: !o.vendorAcsUrl },
  ]
    .map(
      (a, i) =>
        `<md:AssertionConsumerService Binding="${BINDING_POST}" Location="${esc(a.url)}" index="${i}"${a.isDefault ? ' isDefault="true"' : ''}/>`,
    )
    .join('\n    ')
  return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${esc(o.spEntityId)}">
  <md:SPSSODescriptor AuthnRequestsSigned="false" WantAssertionsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
    ${acs}
  </md:SPSSODescriptor>
</md:EntityDescriptor>
`
}
