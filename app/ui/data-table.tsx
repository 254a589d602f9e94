import type { ReactNode } from 'react'

/**
 * A list page's table: one header cell per column (`scope="col"`), the rows as given. `scroll` wraps it for tables
 * wider than a phone's screen.
 */
export function DataTable({
  columns,
  scroll = false,
  children,
}: {
  columns: readonly ReactNode[]
  scroll?: boolean
  children: ReactNode
}) {
  const table = (
    <table className="data-table">
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  )
  return scroll ? <div className="table-scroll">{table}</div> : table
}

/** The header of a column of buttons: named for screen readers, not shown. */
export const ACTIONS_COLUMN = <span className="visually-hidden">Actions</span>
