import { catalogEntry, isFindingCode } from '../findings/catalog/index'
import type { Report, TimelineStep } from '../findings/report'
import type { CheckStep, Finding } from '../findings/types'
import { step } from './timeline'

/**
 * A check as the timeline names it, and the catalog steps it shows. Which step a finding belongs to is declared by
 * its catalog entry (`step`), so a new code lands in its check without touching this file.
 */
export interface CheckGroup {
  readonly name: string
  readonly steps: readonly CheckStep[]
}

export const SAML_CHECKS: readonly CheckGroup[] = [
  { name: 'Status', steps: ['saml.status', 'idp-answer'] },
  { name: 'Issuer', steps: ['saml.issuer'] },
  { name: 'Signature (metadata certificate only)', steps: ['saml.signature'] },
  { name: 'Audience (the vendor’s SP entity ID)', steps: ['saml.audience'] },
  { name: 'Recipient and Destination', steps: ['saml.recipient'] },
  { name: 'InResponseTo (this run’s AuthnRequest)', steps: ['saml.inResponseTo'] },
  { name: 'Times (clock skew allowed)', steps: ['saml.times'] },
  { name: 'NameID', steps: ['saml.nameId'] },
  { name: 'AuthnStatement', steps: ['saml.authnStatement'] },
  { name: 'Attributes the vendor requires', steps: ['saml.attributes'] },
]

export const OIDC_CHECKS: readonly CheckGroup[] = [
  { name: 'Authorization response (error, state)', steps: ['oidc.authorize', 'idp-answer'] },
  { name: 'Code exchange (client secret, PKCE S256)', steps: ['oidc.codeExchange'] },
  { name: 'ID token signature (issuer’s JWKS)', steps: ['oidc.idToken.signature'] },
  { name: 'ID token iss', steps: ['oidc.idToken.iss'] },
  { name: 'ID token aud / azp', steps: ['oidc.idToken.aud'] },
  { name: 'ID token exp / nbf / iat', steps: ['oidc.idToken.times'] },
  { name: 'ID token nonce', steps: ['oidc.idToken.nonce'] },
  { name: 'Userinfo', steps: ['oidc.userinfo'] },
  { name: 'Claims the vendor requires', steps: ['oidc.claims'] },
]

/** The catalog step of a finding's code (undefined for a code that is not in the catalog or has no step). */
export function stepOf(code: string): CheckStep | undefined {
  return isFindingCode(code) ? catalogEntry(code).step : undefined
}

/** Whether a finding is shown under this check. */
export function inCheck(group: CheckGroup, code: string): boolean {
  const s = stepOf(code)
  return s !== undefined && group.steps.includes(s)
}

const MARK = { error: '✖', warning: '▲', info: 'ℹ' } as const
const rank = { error: 0, warning: 1, info: 2 } as const

/**
 * The "each check" part of a run's flow view: one step per check with its result (✔, ✖ with the codes, or not
 * reached), then one for any finding no check claims. `reachedUntil` is the index of the last check that ran.
 */
export function checkSteps(
  groups: readonly CheckGroup[],
  findings: readonly Finding[],
  o: { skipped?: Report['skipped']; reachedUntil: number },
): TimelineStep[] {
  const claimed = new Set<Finding>()
  const steps = groups.map((g, i) => {
    const own = findings.filter((f) => !claimed.has(f) && inCheck(g, f.code))
    own.forEach((f) => claimed.add(f))
    if (own.length) {
      const worst = own.reduce((a, f) => (rank[f.severity] < rank[a.severity] ? f : a))
      return step('check', `${MARK[worst.severity]} ${g.name}: ${[...new Set(own.map((f) => f.code))].join(', ')}`, {
        data: own.map((f) => ({ code: f.code, owner: f.owner, severity: f.severity })),
      })
    }
    return step('check', i <= o.reachedUntil ? `✔ ${g.name}` : `· ${g.name}: not reached`)
  })
  const rest = findings.filter((f) => !claimed.has(f))
  for (const f of rest)
    steps.push(
      step('check', `${MARK[f.severity]} ${f.code}: ${f.title}`, {
        data: { code: f.code, owner: f.owner, severity: f.severity },
      }),
    )
  return steps
}
