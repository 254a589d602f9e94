import type { CatalogEntry } from '../types'

export const certCatalog = {
} as const satisfies Record<`CERT_${string}`, CatalogEntry>
