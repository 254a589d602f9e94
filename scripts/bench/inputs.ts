// Builds the benchmark's inputs once, signed with the TEST-ONLY key under e2e/test-keys: a ~7 KB Entra-like
// SAML response whose assertion is signed, a small Okta-like metadata document, and a ~50 KB signed Entra-like one.
import { readFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { SignedXml } from 'xml-crypto'

export const KEY_PEM = readFileSync(new URL('../../e2e/test-keys/TEST-ONLY-bench-idp.key.pem', import.meta.url), 'utf8')
export const CERT_PEM = readFileSync(
  new URL('../../e2e/test-keys/TEST-ONLY-bench-idp.cert.pem', import.meta.url),
  'utf8',
)
export const CERT_B64 = CERT_PEM.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '')

export const IDP_ENTITY_ID = 'https://sts.windows.net/6f1c2d3e-0000-4000-8000-000000000001/'
export const SP_ENTITY_ID = 'https://www.okta.com/saml2/service-provider/spbenchabc123'
export const ACS_URL = 'https://autodesk-prod.okta.com/sso/saml2/0oabench123'
export const REQUEST_ID = '_req-' + '4c1f6d2e9b8a7f60'
// The peers read the real clock, so the documents are built around it and our validator gets the same instant.
export const NOW = new Date(Math.floor(Date.now() / 1000) * 1000)

const iso = (ms: number) => new Date(NOW.getTime() + ms).toISOString()

/** A signing key and its certificate (PEM); the bench's TEST-ONLY pair unless another is given. */
export interface SigningPair {
  readonly keyPem: string
  readonly certPem: string
}
const BENCH_PAIR: SigningPair = { keyPem: KEY_PEM, certPem: CERT_PEM }

function sign(
  xml: string,
  referenceXPath: string,
  location: { reference: string; action: 'after' | 'prepend' },
  pair: SigningPair = BENCH_PAIR,
): string {
  const sig = new SignedXml({
    privateKey: pair.keyPem,
    publicCert: pair.certPem,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  })
  sig.addReference({
    xpath: referenceXPath,
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
  })
  sig.computeSignature(xml, { location })
  return sig.getSignedXml()
}

/** A response as Entra sends it to Autodesk: assertion signed, the Response itself not. */
export function signedResponseXml(): string {
  const assertionId = '_' + randomUUID()
  const attrs: [string, string][] = [
    ['firstName', 'Ada'],
    ['lastName', 'Lovelace'],
    ['email', 'ada.lovelace@contoso.example'],
    ['objectGUID', '9b2f7c1e-3a4d-4e5f-8a6b-7c8d9e0f1a2b'],
    ['http://schemas.microsoft.com/identity/claims/tenantid', '6f1c2d3e-0000-4000-8000-000000000001'],
    ['http://schemas.microsoft.com/identity/claims/objectidentifier', '9b2f7c1e-3a4d-4e5f-8a6b-7c8d9e0f1a2b'],
    ['http://schemas.microsoft.com/identity/claims/displayname', 'Ada Lovelace'],
    ['http://schemas.microsoft.com/identity/claims/identityprovider', IDP_ENTITY_ID],
    [
      'http://schemas.microsoft.com/claims/authnmethodsreferences',
      'http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/password',
    ],
  ]
  const groups = Array.from({ length: 24 }, (_, i) => `<AttributeValue>${randomUUID()}-g${i}</AttributeValue>`).join('')
  const assertion =
    `<Assertion xmlns="urn:oasis:names:tc:SAML:2.0:assertion" ID="${assertionId}" IssueInstant="${iso(-1000)}" Version="2.0">` +
    `<Issuer>${IDP_ENTITY_ID}</Issuer>` +
    `<Subject><NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">ada.lovelace@contoso.example</NameID>` +
    `<SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><SubjectConfirmationData InResponseTo="${REQUEST_ID}" NotOnOrAfter="${iso(300_000)}" Recipient="${ACS_URL}"/></SubjectConfirmation></Subject>` +
    `<Conditions NotBefore="${iso(-300_000)}" NotOnOrAfter="${iso(3_300_000)}"><AudienceRestriction><Audience>${SP_ENTITY_ID}</Audience></AudienceRestriction></Conditions>` +
    `<AttributeStatement>` +
    attrs.map(([n, v]) => `<Attribute Name="${n}"><AttributeValue>${v}</AttributeValue></Attribute>`).join('') +
    `<Attribute Name="http://schemas.microsoft.com/ws/2008/06/identity/claims/groups">${groups}</Attribute>` +
    `</AttributeStatement>` +
    `<AuthnStatement AuthnInstant="${iso(-2000)}" SessionIndex="${assertionId}"><AuthnContext><AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</AuthnContextClassRef></AuthnContext></AuthnStatement>` +
    `</Assertion>`
  const response =
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_${randomUUID()}" Version="2.0" IssueInstant="${iso(-1000)}" Destination="${ACS_URL}" InResponseTo="${REQUEST_ID}">` +
    `<Issuer xmlns="urn:oasis:names:tc:SAML:2.0:assertion">${IDP_ENTITY_ID}</Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    assertion +
    `</samlp:Response>`
  return sign(response, `//*[local-name(.)='Assertion']`, {
    reference: `//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']`,
    action: 'after',
  })
}

function keyDescriptor(b64: string): string {
  return `<KeyDescriptor use="signing"><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X509Data><X509Certificate>${b64}</X509Certificate></X509Data></KeyInfo></KeyDescriptor>`
}

/** ~50 KB, signed, shaped like Entra federation metadata (WS-Fed roles, many KeyDescriptors). */
export function largeSignedEntraMetadata(pair: SigningPair = BENCH_PAIR): string {
  const kd = keyDescriptor(pair.certPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''))
  const claims = Array.from(
    { length: 110 },
    (_, i) =>
      `<auth:ClaimType xmlns:auth="http://docs.oasis-open.org/wsfed/authorization/200706" Uri="http://schemas.example.com/claims/c${i}"><auth:DisplayName>Claim ${i}</auth:DisplayName><auth:Description>The claim number ${i} of this tenant, padded for size.</auth:Description></auth:ClaimType>`,
  ).join('')
  const role = (type: string, extra: string) =>
    `<RoleDescriptor xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:fed="http://docs.oasis-open.org/wsfed/federation/200706" xsi:type="fed:${type}" protocolSupportEnumeration="http://docs.oasis-open.org/wsfed/federation/200706">${kd.repeat(4)}${extra}</RoleDescriptor>`
  const xml =
    `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" ID="_${randomUUID()}" entityID="${IDP_ENTITY_ID}">` +
    role('SecurityTokenServiceType', `<fed:ClaimTypesOffered>${claims}</fed:ClaimTypesOffered>`) +
    role('ApplicationServiceType', '') +
    `<IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${kd.repeat(4)}` +
    `<SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://login.microsoftonline.com/6f1c2d3e-0000-4000-8000-000000000001/saml2"/>` +
    `<SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://login.microsoftonline.com/6f1c2d3e-0000-4000-8000-000000000001/saml2"/>` +
    `<SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://login.microsoftonline.com/6f1c2d3e-0000-4000-8000-000000000001/saml2"/>` +
    `</IDPSSODescriptor></EntityDescriptor>`
  // The metadata schema wants ds:Signature as the EntityDescriptor's first child.
  return sign(
    xml,
    `/*[local-name(.)='EntityDescriptor']`,
    { reference: `/*[local-name(.)='EntityDescriptor']`, action: 'prepend' },
    pair,
  )
}

export const SMALL_OKTA_METADATA_PATH = new URL(
  '../../../shared/fixtures/real/saml-metadata/okta/ssoready-okta-app-metadata.xml',
  import.meta.url,
)
