'use client'
import { renderJson, renderMarkdown, type Report } from '@/lib/findings'
import { reportFileName } from './format'
import { PrintButton } from './print-button'

function save(text: string, type: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  // Revoke later: Chromium reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * Downloads built in the browser from the report already on the page (a check nobody stored): no round trip, nothing
 * stored. A stored report's downloads are links to its API (download-links.tsx).
 */
export function DownloadButtons({ report }: { report: Report }) {
  return (
    <div className="downloads" role="group" aria-label="Download report">
      <button
        type="button"
        className="button"
        onClick={() => save(renderJson(report), 'application/json', reportFileName(report, 'json'))}
      >
        Download JSON
      </button>
      <button
        type="button"
        className="button"
        onClick={() => save(renderMarkdown(report), 'text/markdown', reportFileName(report, 'md'))}
      >
        Download Markdown
      </button>
      <PrintButton />
    </div>
  )
}
