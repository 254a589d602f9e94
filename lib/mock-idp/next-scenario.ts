import { z } from 'zod'
import { OIDC_SCENARIOS, SAML_SCENARIOS } from './scenarios'

export type MockProtocol = 'saml' | 'oidc'

const SCENARIO_IDS = new Set<string>([...SAML_SCENARIOS, ...OIDC_SCENARIOS].map((s) => s.id))

/** Body of `POST /_admin/scenario`: the scenario of the next login (of one protocol, or of whichever comes first). */
export const AdminScenarioSchema = z.strictObject({
  scenario: z
    .string()
    .max(64)
    .refine((id) => SCENARIO_IDS.has(id), { message: 'not a scenario of this mock IdP' })
    .nullable(),
  protocol: z.enum(['saml', 'oidc']).optional(),
})
export type AdminScenario = z.infer<typeof AdminScenarioSchema>

/**
 * The scenario a test scripted for the next login: taken (and forgotten) by the next login of its protocol, so each
 * test sets its own and a forgotten one cannot leak past one login. `scenario: null` clears it.
 */
export class NextScenario {
  private readonly pending: Partial<Record<MockProtocol | 'any', string>> = {}

  set(o: AdminScenario): void {
    const slot = o.protocol ?? 'any'
    if (o.scenario === null) {
      delete this.pending[slot]
      if (slot === 'any') {
        delete this.pending.saml
        delete this.pending.oidc
      }
      return
    }
    this.pending[slot] = o.scenario
  }

  /** The scripted scenario for a login of `protocol` that exists in `table`, consumed; undefined when none is set. */
  take<T extends { readonly id: string }>(protocol: MockProtocol, table: readonly T[]): T | undefined {
    for (const slot of [protocol, 'any'] as const) {
      const id = this.pending[slot]
      const found = id === undefined ? undefined : table.find((s) => s.id === id)
      if (found) {
        delete this.pending[slot]
        return found
      }
    }
    return undefined
  }

  peek(): Readonly<Partial<Record<MockProtocol | 'any', string>>> {
    return { ...this.pending }
  }
}

/** A scenario named in a query parameter or hidden field: undefined when absent, null when named but unknown. */
export function scenarioParam<T extends { readonly id: string }>(
  value: string | null | undefined,
  table: readonly T[],
): T | undefined | null {
  if (value === null || value === undefined || value === '') return undefined
  return table.find((s) => s.id === value) ?? null
}
