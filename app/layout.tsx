import type { Metadata } from 'next'
import { connection } from 'next/server'
import type { ReactNode } from 'react'
import { SiteHeader } from './ui/site-header'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'SSO Preflight', template: '%s · SSO Preflight' },
  description: 'Go / no-go checks for enterprise SSO, sorted by who must fix each problem.',
  icons: { icon: '/favicon.svg' },
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: the CSP nonce (set by proxy.ts) is new each time, and Next.js puts it on its
  // scripts only while rendering; a page prerendered at build time would carry none and its scripts would be blocked.
  await connection()
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="page">
          {children}
        </main>
        <footer className="site-footer">
          <p>SSO Preflight checks configuration only; it never changes anything in your IdP or at the vendor.</p>
        </footer>
      </body>
    </html>
  )
}
