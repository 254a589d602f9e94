import Link from 'next/link'

export default function NotFound() {
  return (
    <div className="message-page">
      <h1>Page not found</h1>
      <p>There is nothing at this address. Saved reports are removed after their retention period.</p>
      <p>
        <Link href="/">Go to the start page</Link> or <Link href="/check">check a configuration</Link>.
      </p>
    </div>
  )
}
