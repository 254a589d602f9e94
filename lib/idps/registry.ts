import { adfs } from './packs/adfs'
import { auth0 } from './packs/auth0'
import { entra } from './packs/entra'
import { google } from './packs/google'
import { jumpcloud } from './packs/jumpcloud'
import { keycloak } from './packs/keycloak'
import { okta } from './packs/okta'
import { onelogin } from './packs/onelogin'
import { other } from './packs/other'
import { pingfederate } from './packs/pingfederate'
import { pingone } from './packs/pingone'
import { shibboleth } from './packs/shibboleth'
import type { IdpPack } from './schema'

/**
 * Every IdP the tool knows, in detection order (the first pack whose signal matches wins, per signal kind). Adding
 * an IdP is its pack file plus its line here; 'other' stays last. Plain data: this module imports no checks, so the
 * findings types can derive the IdP ids from it.
 */
export const IDP_PACKS = [
  entra,
  adfs,
  okta,
  google,
  onelogin,
  pingone,
  pingfederate,
  jumpcloud,
  auth0,
  shibboleth,
  keycloak,
  other,
] as const

export type IdpId = (typeof IDP_PACKS)[number]['id']

export const IDP_IDS = IDP_PACKS.map((p) => p.id) as [IdpId, ...IdpId[]]

/**
 * With the IdP not known, a finding that names a screen by key lists these IdPs' screens (each labelled), besides any
 * text the entry has itself: the two every IdP-owned entry must cover.
 */
export const LISTED_WHEN_IDP_UNKNOWN: readonly IdpId[] = ['entra', 'okta']

const BY_ID = new Map<string, IdpPack>(IDP_PACKS.map((p) => [p.id, p]))

/** The pack of an IdP id; 'other' for an id no pack has (e.g. a stored report from a newer version). */
export function idpPack(id: string): IdpPack {
  return BY_ID.get(id) ?? other
}

/** The label admins know the IdP by ("Microsoft Entra ID"), for forms and reports. */
export function idpLabel(id: string): string {
  return idpPack(id).label
}

/** id → label of every pack, in registry order: what a form's IdP picker offers. */
export const IDP_CHOICES: ReadonlyArray<{ readonly id: IdpId; readonly label: string }> = IDP_PACKS.map((p) => ({
  id: p.id,
  label: p.label,
}))
