import type { CheckContext } from '../../context'
import { finding } from '../../findings/finding'
import type { Finding } from '../../findings/types'
import type { IdpTrust } from '../types'
import type { AssertionModel, SamlResponseEnvelope } from './model'

/** The Response Issuer (optional in SAML 2.0) and the Assertion Issuer (required) must be the IdP's entity ID. */
export function checkIssuer(
  response: SamlResponseEnvelope | undefined,
  assertion: AssertionModel | undefined,
  trust: IdpTrust,
  ctx: CheckContext,
): Finding[] {
  const fctx = { idp: ctx.idp }
  const out: Finding[] = []
  if (response?.issuer !== undefined && response.issuer !== trust.entityId) {
    out.push(
      finding(
        'SAML_ISSUER_MISMATCH',
        { expected: trust.entityId, actual: response.issuer, where: '/Response/Issuer' },
        fctx,
      ),
    )
  }
  if (assertion) {
    if (assertion.issuer === undefined || assertion.issuer === '') {
      out.push(
        finding('SAML_ISSUER_MISSING', { expected: trust.entityId, actual: null, where: '/Assertion/Issuer' }, fctx),
      )
    } else if (assertion.issuer !== trust.entityId) {
      out.push(
        finding(
          'SAML_ISSUER_MISMATCH',
          { expected: trust.entityId, actual: assertion.issuer, where: '/Assertion/Issuer' },
          fctx,
        ),
      )
    }
  }
  return out
}
