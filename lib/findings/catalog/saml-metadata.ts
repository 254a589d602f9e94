import type { CatalogEntry } from '../types'

export const samlMetadataCatalog = {
} as const satisfies Record<`SAML_${string}`, CatalogEntry>
