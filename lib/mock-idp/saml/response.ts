import { createHash, randomBytes } from 'node:crypto'
import { esc } from '../html'
import type { MockIdpKeyPair } from '../keys'
import type { MockIdpSite } from '../personality'
import type { SamlScenarioId } from '../scenarios'
import { signElement, type SignAlg } from './sign'

export interface ResponseInput {
  /** Who answers: entity ID and keys. */
  readonly site: Pick<MockIdpSite, 'samlEntityId' | 'keys'>
  readonly scenario: SamlScenarioId
  readonly username: string
  readonly requestId: string
  /** Where the response is posted (the AuthnRequest's ACS URL). */
  readonly acsUrl: string
  /** The SP that asked (the AuthnRequest's Issuer): the Audience. */
  readonly spEntityId: string
  readonly now: Date
}

const NS_P = 'urn:oasis:names:tc:SAML:2.0:protocol'
const NS_A = 'urn:oasis:names:tc:SAML:2.0:assertion'
const STATUS = 'urn:oasis:names:tc:SAML:2.0:status:'
const ENTRA_CLAIM = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/'

const ERROR_STATUS: Partial<Record<SamlScenarioId, { top: string; second?: string; message: string }>> = {
  'status-responder': {
    top: 'Responder',
    message: 'The identity provider could not process the request (mock: internal error).',
  },
  'status-requester': {
    top: 'Requester',
    second: 'RequestUnsupported',
    message: 'The AuthnRequest was rejected by the identity provider (mock: unsupported request).',
  },
  'status-authnfailed': {
    top: 'Responder',
    second: 'AuthnFailed',
    message: 'The user could not be authenticated (mock: wrong password).',
  },
  'authncontext-mismatch': {
    top: 'Responder',
    second: 'NoAuthnContext',
    message:
      "AADSTS75011: Authentication method 'X509, MultiFactor' by which the user authenticated with the service doesn't match requested authentication method 'Password, ProtectedTransport'. Contact the application owner.",
  },
}

const newId = () => `_${randomBytes(16).toString('hex')}`
const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z')

/** Builds the SAML Response the scenario asks for, signed (or not) the way the scenario says. */
export function buildSamlResponse(input: ResponseInput): string {
  const { keys } = input.site
  const { scenario } = input
  const skewMs = scenario === 'clock-ahead' ? 10 * 60_000 : scenario === 'clock-behind' ? -10 * 60_000 : 0
  const now = new Date(input.now.getTime() + skewMs)
  const destination = scenario === 'wrong-recipient' ? 'https://wrong.example.com/saml/acs' : input.acsUrl
  const inResponseTo = scenario === 'wrong-inresponseto' ? newId() : input.requestId
  const issuer = `<saml:Issuer>${esc(input.site.samlEntityId)}</saml:Issuer>`
  const error = ERROR_STATUS[scenario]
  const status = error
    ? `<samlp:Status><samlp:StatusCode Value="${STATUS}${error.top}">${error.second ? `<samlp:StatusCode Value="${STATUS}${error.second}"/>` : ''}</samlp:StatusCode><samlp:StatusMessage>${esc(error.message)}</samlp:StatusMessage></samlp:Status>`
    : `<samlp:Status><samlp:StatusCode Value="${STATUS}Success"/></samlp:Status>`
  const assertion = error ? '' : buildAssertion(input, { now, destination, inResponseTo, issuer })
  let xml = `<samlp:Response xmlns:samlp="${NS_P}" xmlns:saml="${NS_A}" ID="${newId()}" Version="2.0" IssueInstant="${iso(now)}" Destination="${esc(destination)}" InResponseTo="${esc(inResponseTo)}">${issuer}${status}${assertion}</samlp:Response>`

  const key: MockIdpKeyPair =
    scenario === 'expired-cert' ? keys.expired : scenario === 'cert-not-in-metadata' ? keys.rogue : keys.signing
  const alg: SignAlg = scenario === 'sha1' ? 'sha1' : 'sha256'
  if (scenario === 'unsigned') return xml
  if (!error && scenario !== 'assertion-unsigned') xml = signElement(xml, 'Assertion', key, alg)
  // Entra signs the assertion only by default; the mock signs the response too where it has one to sign alone.
  if (error || scenario === 'assertion-unsigned') xml = signElement(xml, 'Response', key, alg)
  return xml
}

function buildAssertion(
  input: ResponseInput,
  o: { now: Date; destination: string; inResponseTo: string; issuer: string },
): string {
  const { scenario, username } = input
  const later = new Date(o.now.getTime() + 5 * 60_000)
  const before = new Date(o.now.getTime() - 60_000)
  const audience =
    scenario === 'wrong-audience' ? 'https://wrong.example.com/saml2/service-provider/other' : input.spEntityId
  const attrs = attributesFor(scenario, username)
    .map(
      ([name, value]) =>
        `<saml:Attribute Name="${esc(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified"><saml:AttributeValue>${esc(value)}</saml:AttributeValue></saml:Attribute>`,
    )
    .join('')
  return (
    `<saml:Assertion ID="${newId()}" Version="2.0" IssueInstant="${iso(o.now)}">${o.issuer}` +
    `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${esc(username)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData InResponseTo="${esc(o.inResponseTo)}" NotOnOrAfter="${iso(later)}" Recipient="${esc(o.destination)}"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${iso(before)}" NotOnOrAfter="${iso(later)}"><saml:AudienceRestriction><saml:Audience>${esc(audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AttributeStatement>${attrs}</saml:AttributeStatement>` +
    `<saml:AuthnStatement AuthnInstant="${iso(o.now)}" SessionIndex="${newId()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    `</saml:Assertion>`
  )
}

/** Stable per user, so several runs of one test user carry the same objectGUID. */
function objectGuidFor(username: string): string {
  const h = createHash('sha256').update(username).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
}

function attributesFor(scenario: SamlScenarioId, username: string): [string, string][] {
  const local = username.split('@')[0] ?? username
  const first = local.split(/[.-]/)[0] ?? 'Test'
  const guid = scenario === 'empty-objectguid' ? '' : objectGuidFor(username)
  if (scenario === 'entra-claims') {
    return [
      [`${ENTRA_CLAIM}givenname`, first],
      [`${ENTRA_CLAIM}surname`, 'User'],
      [`${ENTRA_CLAIM}emailaddress`, username],
      ['http://schemas.microsoft.com/identity/claims/objectidentifier', guid],
    ]
  }
  const out: [string, string][] = []
  if (scenario !== 'missing-name') out.push(['firstName', first], ['lastName', 'User'])
  if (scenario !== 'missing-email') out.push(['email', username])
  out.push(['objectGUID', guid])
  return out
}
