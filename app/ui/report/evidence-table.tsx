import type { Evidence } from '@/lib/findings'
import { CopyButton } from './copy-button'
import { ValueView } from './value-view'

const KNOWN = new Set(['expected', 'actual', 'where'])

/** Expected and Actual are always both shown (an em dash when absent), so a reader never guesses the other side. */
export function EvidenceTable({ evidence, caption }: { evidence: Evidence; caption: string }) {
  const extra = Object.entries(evidence).filter(([k, v]) => !KNOWN.has(k) && v !== undefined)
  return (
    <>
      <table className="evidence">
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          <col className="evidence-key" />
          <col />
        </colgroup>
        <tbody>
          <tr>
            <th scope="row">Expected</th>
            <td>
              <ValueView value={evidence.expected} />
              {isCopyable(evidence.expected) ? (
                <CopyButton value={evidence.expected} label="Copy the expected value" />
              ) : null}
            </td>
          </tr>
          <tr>
            <th scope="row">Actual</th>
            <td>
              <ValueView value={evidence.actual} />
            </td>
          </tr>
          {evidence.where ? (
            <tr>
              <th scope="row">Where</th>
              <td>
                <code className="value">{evidence.where}</code>
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {extra.length ? (
        <details className="evidence-more">
          <summary>More evidence ({extra.map(([k]) => humanize(k).toLowerCase()).join(', ')})</summary>
          <table className="evidence">
            <caption className="visually-hidden">More evidence for {caption}</caption>
            <colgroup>
              <col className="evidence-key" />
              <col />
            </colgroup>
            <tbody>
              {extra.map(([k, v]) => (
                <tr key={k} className="evidence-extra">
                  <th scope="row">{humanize(k)}</th>
                  <td>
                    <ValueView value={v} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </>
  )
}

/** Only values an admin would paste somewhere: URLs and identifiers, not sentences like "valid on ...". */
function isCopyable(v: unknown): v is string {
  return typeof v === 'string' && /^(https?:\/\/|urn:)\S+$/.test(v)
}

function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}
