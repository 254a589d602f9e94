type Scalar = string | number | boolean | null

const isScalar = (v: unknown): v is Scalar => v === null || ['string', 'number', 'boolean'].includes(typeof v)
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Nesting shown as lists and key / value lines; anything deeper reads better as JSON. */
const MAX_DEPTH = 3

/**
 * An evidence value: strings as monospace text, lists as lists, objects (a certificate, endpoints by binding) as
 * key / value lines, anything deeper as pretty JSON; absent as an em dash.
 */
export function ValueView({ value, depth = 0 }: { value: unknown; depth?: number }) {
  if (value === undefined || value === null || value === '') return <span className="value-absent">—</span>
  if (isScalar(value)) return <code className="value">{String(value)}</code>
  if (depth >= MAX_DEPTH) return <pre className="value value-block">{JSON.stringify(value, null, 2)}</pre>
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="value-absent">(none)</span>
    return (
      <ul className="value-list">
        {value.map((v, i) => (
          <li key={i}>
            <ValueView value={v} depth={depth + 1} />
          </li>
        ))}
      </ul>
    )
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined)
    if (entries.length === 0) return <span className="value-absent">(empty)</span>
    return (
      <dl className={depth > 0 ? 'value-object value-flat' : 'value-object'}>
        {entries.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>
              <ValueView value={v} depth={depth + 1} />
            </dd>
          </div>
        ))}
      </dl>
    )
  }
  return <code className="value">{String(value)}</code>
}
