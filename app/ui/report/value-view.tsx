type Scalar = string | number | boolean | null

const isScalar = (v: unknown): v is Scalar => v === null || ['string', 'number', 'boolean'].includes(typeof v)
const isFlatObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => isScalar(x) || x === undefined)

/**
 * An evidence value: strings and lists as monospace text, flat objects (a certificate, an endpoint) as key / value
 * lines, anything deeper as pretty JSON; absent as an em dash.
 */
export function ValueView({ value }: { value: unknown }) {
  if (value === undefined || value === null || value === '') return <span className="value-absent">—</span>
  if (isScalar(value)) return <code className="value">{String(value)}</code>
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="value-absent">(none)</span>
    if (value.every((v) => isScalar(v) || isFlatObject(v))) {
      return (
        <ul className="value-list">
          {value.map((v, i) => <li key={i}>{isScalar(v) ? <code className="value">{String(v)}</code> : <FlatObject value={v} />}</li>)}
        </ul>
      )
    }
  }
  if (isFlatObject(value)) return <FlatObject value={value} />
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const entries = Object.entries(value)
    if (entries.every(([, v]) => v === undefined || isScalar(v) || isFlatObject(v))) {
      return (
        <dl className="value-object">
          {entries.filter(([, v]) => v !== undefined).map(([k, v]) => (
            <div key={k}><dt>{k}</dt><dd>{isScalar(v) ? <code className="value">{String(v)}</code> : <FlatObject value={v as Record<string, unknown>} />}</dd></div>
          ))}
        </dl>
      )
    }
  }
  return <pre className="value value-block">{JSON.stringify(value, null, 2)}</pre>
}

function FlatObject({ value }: { value: Record<string, unknown> }) {
  return (
    <dl className="value-object value-flat">
      {Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => (
        <div key={k}><dt>{k}</dt><dd><code className="value">{String(v)}</code></dd></div>
      ))}
    </dl>
  )
}
