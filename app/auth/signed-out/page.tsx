import type { Metadata } from 'next'

export const metadata: Metadata = { title: 'Signed out' }

export default function SignedOutPage() {
  return (
    <div className="message-page">
      <h1>You are signed out</h1>
      <p>
        <a className="button button-primary" href="/auth/sign-in">
          Sign in again
        </a>
      </p>
    </div>
  )
}
