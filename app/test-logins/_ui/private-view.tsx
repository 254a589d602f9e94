import type { PrivateOidcView, PrivateSamlView } from '@/lib/testlogin'
import { ValueView } from '@/app/ui/report/value-view'

/** The IdP's answer unmasked, shown only to the browser that ran the test login and only while it is in memory. */
export function PrivateView({ view }: { view: PrivateSamlView | PrivateOidcView }) {
  const saml = 'xml' in view || 'nameId' in view ? (view as PrivateSamlView) : undefined
  const oidc = 'idTokenClaims' in view || 'userinfo' in view ? (view as PrivateOidcView) : undefined
  return (
    <section className="report-section" aria-labelledby="answer-title">
      <h2 id="answer-title">The IdP’s answer (visible to you only)</h2>
      <p className="hint">Shown unmasked to the browser that ran this test login for 10 minutes; the stored report keeps masked values only.</p>
      {saml?.nameId ? <p>NameID: <code>{saml.nameId}</code></p> : null}
      {saml?.xml ? <details><summary>Decoded SAML response (XML)</summary><pre className="xml-view">{saml.xml}</pre></details> : null}
      {oidc?.idTokenClaims ? <details open><summary>ID token claims</summary><ValueView value={oidc.idTokenClaims} /></details> : null}
      {oidc?.userinfo ? <details><summary>Userinfo</summary><ValueView value={oidc.userinfo} /></details> : null}
    </section>
  )
}
