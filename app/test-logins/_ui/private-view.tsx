import type { PrivateOidcView, PrivateSamlView } from '@/lib/testlogin'
import { IdentityTable } from '@/app/ui/report/identity-values'
import { PrettyXmlView } from '@/app/ui/report/pretty-xml-view'
import { ValueView } from '@/app/ui/report/value-view'

/** The IdP's answer unmasked, shown only to the browser that ran the test login and only while it is in memory. */
export function PrivateView({ view }: { view: PrivateSamlView | PrivateOidcView }) {
  const saml = 'xml' in view || 'nameId' in view ? (view as PrivateSamlView) : undefined
  const oidc = 'idTokenClaims' in view || 'userinfo' in view ? (view as PrivateOidcView) : undefined
  return (
    <section className="report-section private-view" aria-labelledby="answer-title">
      <h2 id="answer-title">The IdP’s answer (visible to you only)</h2>
      <p className="hint">
        Shown unmasked to the browser that ran this test login for 10 minutes; the stored report keeps masked values
        only.
      </p>
      {saml && (saml.nameId !== undefined || saml.attributes) ? (
        <IdentityTable
          identity={{ nameId: saml.nameId, nameIdFormat: saml.nameIdFormat, attributes: saml.attributes }}
          idPrefix="answer"
        />
      ) : null}
      {saml?.responsePretty ? (
        <details>
          <summary>Decoded SAML response (XML)</summary>
          <PrettyXmlView view={saml.responsePretty} label="The Response as the IdP sent it, indented" />
        </details>
      ) : saml?.xml ? (
        <details>
          <summary>Decoded SAML response (XML)</summary>
          <pre className="xml-view">{saml.xml}</pre>
        </details>
      ) : null}
      {saml?.authnRequestPretty ? (
        <details>
          <summary>The AuthnRequest we sent (XML)</summary>
          <PrettyXmlView view={saml.authnRequestPretty} label="The AuthnRequest, indented" />
        </details>
      ) : null}
      {oidc?.idTokenClaims ? (
        <details open>
          <summary>ID token claims</summary>
          <ValueView value={oidc.idTokenClaims} />
        </details>
      ) : null}
      {oidc?.userinfo ? (
        <details>
          <summary>Userinfo</summary>
          <ValueView value={oidc.userinfo} />
        </details>
      ) : null}
    </section>
  )
}
