import type { CatalogEntry } from '../types'

export const samlResponseCatalog = {
} as const satisfies Record<`SAML_${string}`, CatalogEntry>
