import type { CatalogEntry } from '../types'

export const netCatalog = {
} as const satisfies Record<`NET_${string}`, CatalogEntry>
