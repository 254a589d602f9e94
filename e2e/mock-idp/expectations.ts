import type { OidcScenarioId, SamlScenarioId } from '../../lib/mock-idp/scenarios'

/** What each mock IdP scenario must produce on the result page: the finding code and who fixes it. */
export interface ExpectedFinding {
  readonly code: string
  readonly owner: 'idp' | 'vendor' | 'end-user'
}

export const SAML_EXPECTED: Record<SamlScenarioId, ExpectedFinding | 'pass'> = {
  ok: 'pass',
  'expired-cert': { code: 'SAML_RESPONSE_SIGNING_CERT_EXPIRED', owner: 'idp' },
  'cert-not-in-metadata': { code: 'SAML_SIGNATURE_CERT_NOT_TRUSTED', owner: 'idp' },
  'wrong-audience': { code: 'SAML_AUDIENCE_MISMATCH', owner: 'idp' },
  'wrong-recipient': { code: 'SAML_RECIPIENT_MISMATCH', owner: 'idp' },
  'wrong-inresponseto': { code: 'SAML_IN_RESPONSE_TO_MISMATCH', owner: 'end-user' },
  'assertion-unsigned': { code: 'SAML_ASSERTION_SIGNATURE_REQUIRED', owner: 'idp' },
  unsigned: { code: 'SAML_SIGNATURE_MISSING', owner: 'idp' },
  sha1: { code: 'SAML_SIGNATURE_SHA1', owner: 'idp' },
  'clock-ahead': { code: 'SAML_ASSERTION_NOT_YET_VALID', owner: 'idp' },
  'clock-behind': { code: 'SAML_ASSERTION_EXPIRED', owner: 'end-user' },
  'missing-email': { code: 'SAML_ATTRIBUTE_MISSING', owner: 'idp' },
  'empty-objectguid': { code: 'SAML_ATTRIBUTE_EMPTY', owner: 'idp' },
  'entra-claims': { code: 'SAML_ATTRIBUTE_NAMESPACED', owner: 'idp' },
  'missing-name': { code: 'SAML_ATTRIBUTE_MISSING', owner: 'idp' },
  'status-responder': { code: 'SAML_STATUS_RESPONDER', owner: 'idp' },
  // Requester / RequestUnsupported: the second level is the SAML status table's more specific row.
  'status-requester': { code: 'SAML_STATUS_REQUEST_UNSUPPORTED', owner: 'vendor' },
  'status-authnfailed': { code: 'SAML_STATUS_AUTHN_FAILED', owner: 'end-user' },
  'authncontext-mismatch': { code: 'TRIAGE_AADSTS75011', owner: 'vendor' },
}

export const OIDC_EXPECTED: Record<OidcScenarioId, ExpectedFinding | 'pass'> = {
  ok: 'pass',
  'wrong-aud': { code: 'OIDC_ID_TOKEN_AUDIENCE_MISMATCH', owner: 'idp' },
  'wrong-iss': { code: 'OIDC_ID_TOKEN_ISSUER_MISMATCH', owner: 'idp' },
  expired: { code: 'OIDC_ID_TOKEN_EXPIRED', owner: 'idp' },
  'bad-signature': { code: 'OIDC_ID_TOKEN_SIGNATURE_INVALID', owner: 'idp' },
  'missing-email': { code: 'OIDC_ID_TOKEN_REQUIRED_CLAIM_MISSING', owner: 'idp' },
  'userinfo-fails': { code: 'OIDC_USERINFO_FAILED', owner: 'idp' },
  aadsts50011: { code: 'TRIAGE_AADSTS50011', owner: 'idp' },
  aadsts700016: { code: 'TRIAGE_AADSTS700016', owner: 'idp' },
  aadsts50105: { code: 'TRIAGE_AADSTS50105', owner: 'idp' },
  aadsts65001: { code: 'TRIAGE_AADSTS65001', owner: 'idp' },
  aadsts7000215: { code: 'TRIAGE_AADSTS7000215', owner: 'idp' },
  'okta-redirect-uri': { code: 'TRIAGE_OKTA_REDIRECT_URI_NOT_ALLOWED', owner: 'idp' },
  'okta-user-not-assigned': { code: 'TRIAGE_OKTA_USER_NOT_ASSIGNED', owner: 'idp' },
  'okta-invalid-client': { code: 'OIDC_CLIENT_SECRET_INVALID', owner: 'idp' },
}
