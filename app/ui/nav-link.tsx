'use client'
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import type { ReactNode } from 'react'

/** A nav link that marks the current section with aria-current (the only reason this is a client leaf). */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const path = usePathname() ?? '/'
  const current = path === href || path.startsWith(href + '/')
  return (
    <Link href={href} className="nav-link" aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  )
}
