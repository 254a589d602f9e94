import type { Report, TimelineStep } from '../findings/report'
import type { Finding } from '../findings/types'
import { step } from './timeline'

/** A check as the timeline names it, and the finding codes that belong to it. */
export interface CheckGroup {
  readonly name: string
  readonly codes: RegExp
}

export const SAML_CHECKS: readonly CheckGroup[] = [
  { name: 'Status', codes: /^(SAML_STATUS_|TRIAGE_AADSTS)/ },
  { name: 'Issuer', codes: /^SAML_ISSUER_/ },
  { name: 'Signature (metadata certificate only)', codes: /^(SAML_SIGNATURE_|SAML_ASSERTION_NOT_COVERED|SAML_ASSERTION_SIGNATURE_REQUIRED|SAML_RESPONSE_SIGNING_CERT_EXPIRED|SAML_RESPONSE_SIGNATURE_INVALID_IGNORED|SAML_RESPONSE_DUPLICATE_ID)/ },
  { name: 'Audience (the vendor’s SP entity ID)', codes: /^SAML_AUDIENCE_/ },
  { name: 'Recipient and Destination', codes: /^(SAML_RECIPIENT_|SAML_DESTINATION_|SAML_ACS_PLACEHOLDER|SAML_SUBJECT_CONFIRMATION_NOT_BEARER|SAML_SUBJECT_CONFIRMATION_DATA_MISSING)/ },
  { name: 'InResponseTo (this run’s AuthnRequest)', codes: /^(SAML_IN_RESPONSE_TO_|SAML_UNSOLICITED_RESPONSE)/ },
  { name: 'Times (clock skew allowed)', codes: /^(SAML_ASSERTION_EXPIRED|SAML_ASSERTION_NOT_YET_VALID|SAML_CONDITIONS_NO_EXPIRY|SAML_SUBJECT_CONFIRMATION_(EXPIRED|NOT_YET_VALID|NO_EXPIRY)|SAML_ISSUE_INSTANT_IN_FUTURE|SAML_SESSION_EXPIRED|SAML_TIME_INVALID)/ },
  { name: 'NameID', codes: /^SAML_NAMEID_/ },
  { name: 'AuthnStatement', codes: /^SAML_AUTHN_/ },
  { name: 'Attributes the vendor requires', codes: /^SAML_ATTRIBUTE_/ },
]

export const OIDC_CHECKS: readonly CheckGroup[] = [
  { name: 'Authorization response (error, state)', codes: /^(OIDC_AUTHORIZE_|OIDC_STATE_MISMATCH|OIDC_TEST_LOGIN_CALLBACK_INVALID|TRIAGE_AADSTS)/ },
  { name: 'Code exchange (client secret, PKCE S256)', codes: /^(OIDC_TOKEN_|OIDC_CLIENT_SECRET_INVALID|OIDC_CLIENT_REJECTED)/ },
  { name: 'ID token signature (issuer’s JWKS)', codes: /^OIDC_ID_TOKEN_(SIGNATURE_INVALID|KEY_NOT_FOUND|ALG_)/ },
  { name: 'ID token iss', codes: /^OIDC_ID_TOKEN_ISSUER_MISMATCH/ },
  { name: 'ID token aud / azp', codes: /^OIDC_ID_TOKEN_(AUDIENCE|AZP)_MISMATCH/ },
  { name: 'ID token exp / nbf / iat', codes: /^OIDC_ID_TOKEN_(EXPIRED|NOT_YET_VALID|ISSUED_IN_FUTURE)/ },
  { name: 'ID token nonce', codes: /^OIDC_ID_TOKEN_NONCE_MISMATCH/ },
  { name: 'Userinfo', codes: /^OIDC_USERINFO_/ },
  { name: 'Claims the vendor requires', codes: /^OIDC_ID_TOKEN_(REQUIRED|RECOMMENDED)_CLAIM_MISSING/ },
]

const MARK = { error: '✖', warning: '▲', info: 'ℹ' } as const
const rank = { error: 0, warning: 1, info: 2 } as const

/**
 * The "each check" part of a run's flow view: one step per check with its result (✔, ✖ with the codes, or not
 * reached), then one for any finding no check claims. `reachedUntil` is the index of the last check that ran.
 */
export function checkSteps(groups: readonly CheckGroup[], findings: readonly Finding[], o: { skipped?: Report['skipped']; reachedUntil: number }): TimelineStep[] {
  const claimed = new Set<Finding>()
  const steps = groups.map((g, i) => {
    const own = findings.filter((f) => g.codes.test(f.code))
    own.forEach((f) => claimed.add(f))
    if (own.length) {
      const worst = own.reduce((a, f) => (rank[f.severity] < rank[a.severity] ? f : a))
      return step('check', `${MARK[worst.severity]} ${g.name}: ${[...new Set(own.map((f) => f.code))].join(', ')}`, { data: own.map((f) => ({ code: f.code, owner: f.owner, severity: f.severity })) })
    }
    return step('check', i <= o.reachedUntil ? `✔ ${g.name}` : `· ${g.name}: not reached`)
  })
  const rest = findings.filter((f) => !claimed.has(f))
  for (const f of rest) steps.push(step('check', `${MARK[f.severity]} ${f.code}: ${f.title}`, { data: { code: f.code, owner: f.owner, severity: f.severity } }))
  return steps
}
