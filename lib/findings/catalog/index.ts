import type { CatalogEntry } from '../types'
import { certCatalog } from './cert'
import { headlessCatalog } from './headless'
import { inputCatalog } from './input'
import { netCatalog } from './net'
import { oidcCatalog } from './oidc'
import { oidcTestLoginCatalog } from './oidc-test-login'
import { samlMetadataCatalog } from './saml-metadata'
import { samlResponseCatalog } from './saml-response'
import { testLoginCatalog } from './test-login'
import { triageCatalog } from './triage'
import { watchCatalog } from './watch'
import { setupCatalog } from './setup'

/** The one catalog: every finding code and its words. A code not in here cannot be emitted. */
export const catalog = {
  ...inputCatalog,
  ...netCatalog,
  ...certCatalog,
  ...samlMetadataCatalog,
  ...samlResponseCatalog,
  ...testLoginCatalog,
  ...headlessCatalog,
  ...oidcCatalog,
  ...oidcTestLoginCatalog,
  ...triageCatalog,
  ...watchCatalog,
  ...setupCatalog,
} as const satisfies Record<string, CatalogEntry>

export type FindingCode = keyof typeof catalog

export function isFindingCode(code: string): code is FindingCode {
  return Object.hasOwn(catalog, code)
}

export function catalogEntry(code: FindingCode): CatalogEntry {
  return catalog[code]
}
