import { IDP_CHOICES, IDP_IDS } from '../idps/index'
import type { IdpKind } from '../findings/types'
import type { SpProfile } from '../profiles/schema'

/**
 * The kind of IdP app the admin has: one from the IdP's catalog (Entra gallery app, Okta Integration Network app),
 * preconfigured by the SP, or one they built themselves (Entra non-gallery app, Okta App Integration Wizard). Their
 * screens differ, so every screen is looked up per variant.
 */
export const APP_VARIANTS = ['catalog', 'custom'] as const
export type AppVariant = (typeof APP_VARIANTS)[number]

export interface SetupVariantChoice {
  readonly id: AppVariant
  readonly label: string
  /** Where the SP values go in this variant, as the vendor's guide says (profile data), when it says. */
  readonly spValuesAt?: string
  readonly attributesPreconfigured: boolean
  readonly guide?: string
}

export interface SetupIdpChoice {
  /** The profile's id for the IdP (entra, okta, adfs, onelogin, …). */
  readonly id: string
  readonly label: string
  /** Our IdP kind for finding screens; 'other' when we have no screens of our own for it. */
  readonly kind: IdpKind
  readonly guide?: string
  /** At least one; the first is the default. */
  readonly variants: readonly SetupVariantChoice[]
}

export const idpKindOf = (id: string): IdpKind =>
  (IDP_IDS as readonly string[]).includes(id) ? (id as IdpKind) : 'other'

/** How each IdP names its own two kinds of app, for an IdP the profile gives no variant label for. */
const VARIANT_LABELS: Record<string, Record<AppVariant, string>> = {
  entra: {
    catalog: 'Gallery app (from the Entra app gallery)',
    custom: 'Non-gallery app (Create your own application › SAML)',
  },
  okta: { catalog: 'Okta Integration Network (catalog) app', custom: 'Custom SAML 2.0 app (App Integration Wizard)' },
}
const CUSTOM_ONLY: SetupVariantChoice = {
  id: 'custom',
  label: 'SAML 2.0 app or relying party you configure yourself',
  attributesPreconfigured: false,
}

/** Without a vendor profile: the IdPs we know screens for, plus any SAML 2.0 IdP. No vendor words. */
const GENERIC_IDPS: readonly { id: string; label: string }[] = IDP_CHOICES

/**
 * The IdPs the admin can pick, in the profile's order (the vendor's supported list), each with its app variants:
 * the variants the vendor names (profile `idpAppVariants`), and for Entra and Okta always both the catalog and the
 * custom app, since both exist in the field.
 */
export function setupIdpChoices(profile: Pick<SpProfile, 'vendor'>): SetupIdpChoice[] {
  const vendor = profile.vendor
  const idps = vendor ? vendor.supportedIdps : GENERIC_IDPS
  return idps.map((idp) => {
    const named = (vendor?.idpAppVariants ?? []).filter((v) => v.idp === idp.id)
    const variants: SetupVariantChoice[] = []
    for (const id of APP_VARIANTS) {
      const v = named.find((n) => (n.attributesPreconfigured ? 'catalog' : 'custom') === id)
      if (v)
        variants.push({
          id,
          label: v.label,
          ...(v.spValuesAt ? { spValuesAt: v.spValuesAt } : {}),
          attributesPreconfigured: v.attributesPreconfigured,
          ...(v.guide ? { guide: v.guide } : {}),
        })
      else if (VARIANT_LABELS[idp.id] && (id === 'custom' || vendor))
        variants.push({ id, label: VARIANT_LABELS[idp.id]![id], attributesPreconfigured: false })
    }
    const guide = 'guide' in idp && typeof idp.guide === 'string' ? idp.guide : undefined
    return {
      id: idp.id,
      label: idp.label,
      kind: idpKindOf(idp.id),
      ...(guide ? { guide } : {}),
      variants: variants.length ? variants : [CUSTOM_ONLY],
    }
  })
}

/** The admin's choice resolved against the list: an unknown IdP or variant falls back to the first of its list. */
export function resolveIdpChoice(
  choices: readonly SetupIdpChoice[],
  idp: string | undefined,
  variant: string | undefined,
): { idp: SetupIdpChoice; variant: SetupVariantChoice } | undefined {
  const chosen = choices.find((c) => c.id === idp)
  if (!chosen) return undefined
  return { idp: chosen, variant: chosen.variants.find((v) => v.id === variant) ?? chosen.variants[0]! }
}

/** The choice a detected IdP kind (from metadata) maps to, if the list has it. */
export function choiceForDetected(choices: readonly SetupIdpChoice[], kind: IdpKind): SetupIdpChoice | undefined {
  return kind === 'other' ? undefined : choices.find((c) => c.id === kind)
}
