import { z } from 'zod'

const AttributesSchema = z.array(z.object({ name: z.string(), values: z.array(z.string()) }))

export interface IdentityValues {
  readonly nameId?: string | undefined
  readonly nameIdFormat?: string | undefined
  readonly attributes?: readonly { readonly name: string; readonly values: readonly string[] }[] | undefined
}

/** The identity read from a report's facts (unmasked on the page of whoever ran it, masked in a stored report). */
export function identityFromFacts(facts: Record<string, unknown> | undefined): IdentityValues | undefined {
  if (!facts) return undefined
  const attrs = AttributesSchema.safeParse(facts.attributes)
  const nameId = typeof facts.nameId === 'string' ? facts.nameId : undefined
  if (nameId === undefined && !attrs.success) return undefined
  return {
    nameId,
    nameIdFormat: typeof facts.nameIdFormat === 'string' ? facts.nameIdFormat : undefined,
    attributes: attrs.success ? attrs.data : undefined,
  }
}

/**
 * The signed NameID and every attribute with all its values, as a table an admin reads at a glance (what a CI
 * pipeline asserts on). Values wrap inside the page.
 */
export function IdentityTable({
  identity,
  idPrefix = 'r',
  masked = false,
}: {
  identity: IdentityValues
  idPrefix?: string
  masked?: boolean
}) {
  const titleId = `${idPrefix}-identity-title`
  return (
    <section className="report-section identity" aria-labelledby={titleId}>
      <h3 id={titleId}>Signed identity and attribute values</h3>
      {masked ? (
        <p className="hint">
          Personal values are masked in this saved copy; the person who ran the check saw them in full.
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="identity-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Value(s)</th>
            </tr>
          </thead>
          <tbody>
            {identity.nameId !== undefined ? (
              <tr className="identity-nameid">
                <th scope="row">
                  NameID
                  {identity.nameIdFormat ? <span className="identity-format">{identity.nameIdFormat}</span> : null}
                </th>
                <td>
                  <code>{identity.nameId}</code>
                </td>
              </tr>
            ) : null}
            {(identity.attributes ?? []).map((a, i) => (
              <tr key={`${a.name}-${i}`} className="identity-attribute">
                <th scope="row">
                  <code>{a.name}</code>
                </th>
                <td>
                  {a.values.length === 0 ? (
                    <span className="muted">(no value)</span>
                  ) : (
                    a.values.map((v, j) => (
                      <code key={j} className="identity-value">
                        {v === '' ? <span className="muted">(empty)</span> : v}
                      </code>
                    ))
                  )}
                </td>
              </tr>
            ))}
            {identity.attributes?.length === 0 ? (
              <tr>
                <th scope="row">Attributes</th>
                <td>
                  <span className="muted">none sent</span>
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </section>
  )
}
