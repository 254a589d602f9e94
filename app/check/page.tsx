import type { Metadata } from 'next'
import { CheckForm } from './check-form'
import type { CheckKind } from './check-request'
import { requireAccess } from '@/app/_server/access'

export const metadata: Metadata = { title: 'Check IdP configuration' }

const KINDS: readonly CheckKind[] = ['saml-metadata', 'oidc-discovery', 'saml-response']

/** `/check?kind=saml-response` opens the form on that kind (links from triage and the sign-in guide). */
export default async function CheckPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  await requireAccess('check.run')
  const requested = (await searchParams).kind
  const kind = KINDS.find((k) => k === requested) ?? 'saml-metadata'
  return (
    <div className="check-page">
      <header className="page-header">
        <h1>Check IdP configuration</h1>
        <p className="lead">
          Give SSO Preflight your IdP&rsquo;s SAML metadata, OIDC discovery document or a captured SAML response, and
          the values you configured. Nothing is stored: the report appears below and you can download it.
        </p>
      </header>
      <CheckForm initialKind={kind} />
    </div>
  )
}
