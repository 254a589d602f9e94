/** An evidence value: strings and lists as monospace text, objects as pretty JSON, absent as an em dash. */
export function ValueView({ value }: { value: unknown }) {
  if (value === undefined || value === null || value === '') return <span className="value-absent">—</span>
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return <code className="value">{String(value)}</code>
  }
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) {
    if (value.length === 0) return <span className="value-absent">(none)</span>
    return (
      <ul className="value-list">
        {value.map((v, i) => <li key={i}><code className="value">{String(v)}</code></li>)}
      </ul>
    )
  }
  return <pre className="value value-block">{JSON.stringify(value, null, 2)}</pre>
}
