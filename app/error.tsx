'use client'
import Link from 'next/link'

/** Our bug or a broken environment, never the customer's input (that becomes findings). */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="message-page" role="alert">
      <h1>Something went wrong on our side</h1>
      <p>The page could not be shown. Your input was not the problem; please try again.</p>
      {error.digest ? (
        <p className="muted">
          Reference: <code>{error.digest}</code>
        </p>
      ) : null}
      <p>
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>{' '}
        <Link href="/check">Start a new check</Link>
      </p>
    </div>
  )
}
