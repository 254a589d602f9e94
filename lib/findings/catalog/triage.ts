import type { CatalogEntry } from '../types'

export const triageCatalog = {
} as const satisfies Record<`TRIAGE_${string}`, CatalogEntry>
