import { idpPack, knownScreen, type IdpPack, type ScreenKey as PackScreenKey } from '../idps/index'
import type { AppVariant } from './idp-choices'

/** The places in the IdP a setup step sends the admin to. */
export const SCREEN_KEYS = [
  'saml.identifier',
  'saml.replyUrl',
  'saml.claims',
  'saml.signingCertificate',
  'saml.metadata',
  'assignment',
  'logs.signIns',
] as const
export type ScreenKey = (typeof SCREEN_KEYS)[number]

/** One IdP screen, or the honest "not known for this IdP" (then `path` is null and the IdP's guide is the way). */
export interface SetupScreen {
  readonly key: ScreenKey
  readonly path: string | null
}

const PACK_KEY: Record<ScreenKey, PackScreenKey> = {
  'saml.identifier': 'saml.identifier',
  'saml.replyUrl': 'saml.replyUrl',
  'saml.claims': 'saml.claims',
  'saml.signingCertificate': 'saml.signingCertificate',
  'saml.metadata': 'saml.metadataUrl',
  assignment: 'assignment',
  'logs.signIns': 'logs.signIns',
}

// The packs name an IdP's catalog app by the IdP's own word (Entra "gallery", Okta "catalog").
const CATALOG_VARIANT_IDS = new Set(['catalog', 'gallery'])

function packVariant(pack: IdpPack, variant: AppVariant): string | undefined {
  if (pack.variants.length <= 1) return pack.variants[0]?.id
  return pack.variants.find((v) => CATALOG_VARIANT_IDS.has(v.id) === (variant === 'catalog'))?.id
}

/**
 * The exact screen for an IdP, its app variant and a place where a setup step is done, from the IdP's pack
 * (lib/idps): the same screens the findings name.
 * @example setupScreenFor('okta', 'catalog', 'saml.replyUrl').path // 'Okta Admin Console › … › Advanced Sign-on Settings'
 */
export function setupScreenFor(idp: string, variant: AppVariant, key: ScreenKey): SetupScreen {
  const pack = idpPack(idp)
  return { key, path: knownScreen(pack.id, PACK_KEY[key], packVariant(pack, variant)) ?? null }
}
