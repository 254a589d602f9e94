import { idpPack } from './registry'
import type { IdpPack, ScreenKey } from './schema'

/** The screen of one variant: its own, else the pack's common one. */
function variantScreen(pack: IdpPack, variantId: string, key: ScreenKey): string | undefined {
  return pack.variants.find((v) => v.id === variantId)?.screens[key] ?? pack.screens[key]
}

/**
 * The screen where `key` is fixed at this IdP, or undefined when its pack does not know it. With the app variant
 * unknown and the variants disagreeing, every variant's screen is given, each labelled, so the admin picks theirs.
 */
export function knownScreen(idp: string, key: ScreenKey, variant?: string): string | undefined {
  const pack = idpPack(idp)
  if (variant && pack.variants.some((v) => v.id === variant)) return variantScreen(pack, variant, key)
  const texts = pack.variants.map((v) => ({ label: v.label, text: variantScreen(pack, v.id, key) }))
  const known = texts.filter((t) => t.text !== undefined)
  if (known.length === 0) return undefined
  if (texts.every((t) => t.text === texts[0]!.text)) return texts[0]!.text
  return texts.map((t) => `${t.label}: ${t.text ?? `not known (see ${pack.docsUrl})`}`).join('; ')
}

/** What a finding says when the IdP's pack has no screen for the key: visible, with where to look instead. */
export function notKnownScreen(idp: string): string {
  const pack = idpPack(idp)
  return `Not known for ${pack.label}: see ${pack.docsUrl}`
}

/** The screen for `key` at this IdP, or the visible "not known" line: never nothing. */
export function screenFor(idp: string, key: ScreenKey, variant?: string): string {
  return knownScreen(idp, key, variant) ?? notKnownScreen(idp)
}
