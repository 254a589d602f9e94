import Link from 'next/link'

export default function HomePage() {
  return (
    <div className="home">
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Know before you switch SSO on</h1>
        <p className="lead">
          SSO Preflight reads your identity provider&rsquo;s configuration (SAML metadata, OIDC discovery, a captured
          SAML response) and checks it against what the vendor expects. Every problem comes back with the values it
          expected and found, who has to fix it, and the exact screen where the fix is made.
        </p>
        <p>
          <Link href="/check" className="button button-primary">
            Check IdP configuration
          </Link>
        </p>
      </section>

      <section aria-labelledby="more-title">
        <h2 id="more-title" className="visually-hidden">
          More tools
        </h2>
        <ul className="card-grid">
          <li className="card">
            <h3>
              <Link href="/check">Check configuration</Link>
            </h3>
            <p>Upload, paste or link SAML metadata or an OIDC issuer, or check a captured SAML response.</p>
          </li>
          <li className="card">
            <h3>
              <Link href="/connections">Connections</Link>
            </h3>
            <p>Save a connection and run live test logins against your IdP for a go / no-go across test users.</p>
          </li>
          <li className="card">
            <h3>
              <Link href="/triage">Triage</Link>
            </h3>
            <p>For support: paste an error code, a SAMLResponse or a HAR file and see who must act next.</p>
          </li>
          <li className="card">
            <h3>
              <Link href="/guide">Sign-in guide</Link>
            </h3>
            <p>For people who cannot sign in: passwords, codes, loops and company SSO, step by step.</p>
          </li>
        </ul>
      </section>
    </div>
  )
}
