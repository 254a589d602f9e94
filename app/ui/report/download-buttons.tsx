'use client'
import { renderJson, renderMarkdown, type Report } from '@/lib/findings'
import { reportFileName } from './format'

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

/** Downloads built in the browser from the report already on the page: no round trip, nothing stored. */
export function DownloadButtons({ report, downloadBase }: { report: Report; downloadBase?: string }) {
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
      {downloadBase ? (
        <span className="downloads-links">
          Links: <a href={`${downloadBase}?format=json`}>JSON</a> · <a href={`${downloadBase}?format=md`}>Markdown</a>
        </span>
      ) : null}
      <button type="button" className="button button-quiet print-hide" onClick={() => window.print()}>
        Print
      </button>
    </div>
  )
}
