import type { Metadata } from 'next'
import { CheckForm } from './check-form'

export const metadata: Metadata = { title: 'Check IdP configuration' }

export default function CheckPage() {
  return (
    <div className="check-page">
      <header className="page-header">
        <h1>Check IdP configuration</h1>
        <p className="lead">
          Give SSO Preflight your IdP&rsquo;s SAML metadata, OIDC discovery document or a captured SAML response, and the
          values you configured. Nothing is stored: the report appears below and you can download it.
        </p>
      </header>
      <CheckForm />
    </div>
  )
}
