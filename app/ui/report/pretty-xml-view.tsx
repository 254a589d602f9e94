import type { PrettyXml } from '@/lib'

/** Indentation stops growing here, so a deep document stays readable on a phone. */
const MAX_INDENT = 12

/**
 * A SAML message as our parser read it: the document's own text, one tag a line, indented, wrapping inside the
 * page; the elements a finding points at are marked (and counted, for screen readers).
 */
export function PrettyXmlView({ view, label }: { view: PrettyXml; label: string }) {
  const marked = view.lines.filter((l) => l.highlight).length
  return (
    <figure className="xml-pretty-figure">
      <figcaption className="hint">
        {label}
        {marked ? ` — ${marked} line${marked === 1 ? '' : 's'} marked: the elements the findings point at` : ''}
        {view.truncated ? ' (cut short: the document is very long)' : ''}
      </figcaption>
      <pre className="xml-pretty">
        {view.lines.map((l, i) => {
          const style = { paddingLeft: `${Math.min(l.depth, MAX_INDENT) * 2 + 2}ch` }
          return l.highlight ? (
            <mark key={i} className="xml-line xml-line-hit" style={style} title={l.path}>
              {l.text}
            </mark>
          ) : (
            <span key={i} className="xml-line" style={style}>
              {l.text}
            </span>
          )
        })}
      </pre>
    </figure>
  )
}
