import type { CatalogEntry } from '../types'

export const oidcCatalog = {
} as const satisfies Record<`OIDC_${string}`, CatalogEntry>
