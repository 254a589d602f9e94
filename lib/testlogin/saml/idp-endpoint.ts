import type { CheckContext } from '../../context'
import { finding } from '../../findings/finding'
import type { Finding } from '../../findings/types'
import { parseIdpMetadata, toIdpTrust, type IdpMetadata } from '../../saml/metadata/index'
import type { IdpTrust } from '../../saml/types'
import { BINDING_POST, BINDING_REDIRECT } from './authn-request'

/** Where and how to send the AuthnRequest, and what to trust in the answer: all from the connection's metadata. */
export interface SamlIdpEndpoint {
  readonly trust: IdpTrust
  readonly ssoUrl: string
  readonly binding: 'redirect' | 'post'
  readonly metadata: IdpMetadata
}

/** http is accepted only for loopback IdPs (the mock, a local test IdP). */
function browserUsable(location: string): boolean {
  try {
    const u = new URL(location)
    if (u.protocol === 'https:') return true
    return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)
  } catch {
    return false
  }
}

/** Reads the SSO endpoint (Redirect preferred, POST when it is the only one) and the trust from stored metadata XML. */
export function samlIdpEndpoint(
  metadataXml: string | undefined,
  ctx: Pick<CheckContext, 'idp'>,
): { ok: true; value: SamlIdpEndpoint } | { ok: false; findings: Finding[] } {
  const fctx = { idp: ctx.idp }
  if (!metadataXml)
    return {
      ok: false,
      findings: [
        finding(
          'SAML_TEST_LOGIN_METADATA_UNUSABLE',
          { expected: 'the IdP metadata XML saved with the connection', actual: 'none' },
          fctx,
        ),
      ],
    }
  const parsed = parseIdpMetadata(metadataXml)
  if (!parsed.ok) {
    return {
      ok: false,
      findings: [
        finding(
          'SAML_TEST_LOGIN_METADATA_UNUSABLE',
          {
            expected: 'one IdP entity with an SSO endpoint and a signing certificate',
            actual: parsed.findings.map((f) => f.code),
          },
          fctx,
        ),
        ...parsed.findings,
      ],
    }
  }
  const md = parsed.value
  const trust = toIdpTrust(md)
  const fixCtx = { idp: trust.kind }
  if (!md.entityId || md.signingCertificates.length === 0) {
    return {
      ok: false,
      findings: [
        finding(
          'SAML_TEST_LOGIN_METADATA_UNUSABLE',
          {
            expected: 'an entityID and at least one signing certificate',
            actual: { entityId: md.entityId ?? null, signingCertificates: md.signingCertificates.length },
          },
          fixCtx,
        ),
      ],
    }
  }
  const usable = md.ssoServices.filter((s) => browserUsable(s.location))
  const redirect = usable.find((s) => s.binding === BINDING_REDIRECT)
  const post = usable.find((s) => s.binding === BINDING_POST)
  const chosen = redirect ?? post
  if (!chosen) {
    return {
      ok: false,
      findings: [
        finding(
          'SAML_TEST_LOGIN_NO_SSO_ENDPOINT',
          {
            expected: `a SingleSignOnService with ${BINDING_REDIRECT} or ${BINDING_POST} at an https URL`,
            actual: md.ssoServices.map((s) => ({ binding: s.binding, location: s.location })),
          },
          fixCtx,
        ),
      ],
    }
  }
  return {
    ok: true,
    value: { trust, ssoUrl: chosen.location, binding: chosen === redirect ? 'redirect' : 'post', metadata: md },
  }
}
