import type { CatalogEntry } from '../types'
import { certCatalog } from './cert'
import { headlessCatalog } from './headless'
import { idpErrorCodeCatalog } from './idp-error-codes'
import { inputCatalog } from './input'
import { netCatalog } from './net'
import { oidcCatalog } from './oidc'
import { oidcIdTokenCatalog } from './oidc-id-token'
import { oidcTestLoginCatalog } from './oidc-test-login'
import { samlMetadataCatalog } from './saml-metadata'
import { samlResponseCatalog } from './saml-response'
import { samlStatusCatalog } from './saml-status'
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
  ...samlStatusCatalog,
  ...testLoginCatalog,
  ...headlessCatalog,
  ...oidcCatalog,
  ...oidcTestLoginCatalog,
  ...oidcIdTokenCatalog,
  ...idpErrorCodeCatalog,
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
