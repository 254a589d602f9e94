import type { ReactNode } from 'react'

/** A page the visitor may not use: its title, and who may (in place of the content). */
export function PageRefusal({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <header className="page-header">
        <h1>{title}</h1>
      </header>
      <p className="empty-state">{children}</p>
    </div>
  )
}
