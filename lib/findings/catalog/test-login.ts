import type { CatalogEntry } from '../types'

export const testLoginCatalog = {
} as const satisfies Record<`SAML_${string}`, CatalogEntry>
