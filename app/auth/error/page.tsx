import type { Metadata } from 'next'

export const metadata: Metadata = { title: 'Sign-in failed' }

const REASONS: Record<string, string> = {
  'no-transaction': 'This sign-in was not started in this browser, or took longer than 10 minutes. Start it again.',
  'idp-error':
    'Your identity provider refused the sign-in (it may not assign you to SSO Preflight). Ask your IT team, or try again.',
  rejected:
    'The identity provider’s answer did not pass the checks (state, PKCE, nonce or ID token). Start the sign-in again.',
  'provider-unavailable':
    'The identity provider could not be reached. Try again shortly; if it persists, the operator should check SSO_PREFLIGHT_AUTH_ISSUER.',
}

export default async function SignInErrorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const reason = (await searchParams).reason
  return (
    <div className="message-page">
      <h1>Sign-in failed</h1>
      <p>{(typeof reason === 'string' && REASONS[reason]) || REASONS.rejected}</p>
      <p>
        <a className="button button-primary" href="/auth/sign-in">
          Sign in again
        </a>
      </p>
    </div>
  )
}
