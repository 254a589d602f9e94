import Link from 'next/link'
import { NavLink } from './nav-link'
import { AccountBar } from './account-bar'

/** Top-level sections; pages other than Check are built by other parts of the app. */
export const NAV_ITEMS = [
  { href: '/check', label: 'Check' },
  { href: '/connections', label: 'Connections' },
  { href: '/setup', label: 'Setup' },
  { href: '/triage', label: 'Triage' },
  { href: '/guide', label: 'Sign-in guide' },
] as const

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ✓
          </span>{' '}
          SSO Preflight
        </Link>
        <nav aria-label="Main">
          <ul className="nav-list">
            {NAV_ITEMS.map((item) => (
              <li key={item.href}>
                <NavLink href={item.href}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <AccountBar />
      </div>
    </header>
  )
}
