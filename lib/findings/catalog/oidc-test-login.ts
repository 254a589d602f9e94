import type { CatalogEntry } from '../types'

export const oidcTestLoginCatalog = {
} as const satisfies Record<`OIDC_${string}`, CatalogEntry>
