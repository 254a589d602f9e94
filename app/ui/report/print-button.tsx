'use client'

export function PrintButton() {
  return (
    <button type="button" className="button button-quiet print-hide" onClick={() => window.print()}>
      Print
    </button>
  )
}
