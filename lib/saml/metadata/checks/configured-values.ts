import type { FindingCode } from '../../../findings/catalog/index'
import { finding } from '../../../findings/finding'
import type { Finding } from '../../../findings/types'
import { placeholderReason } from '../placeholder'
import type { IdpMetadata } from '../types'
import type { MetadataCheckContext } from './context'

const patterns = new Map<string, RegExp | null>()

function compiled(source: string | undefined): RegExp | undefined {
  if (!source) return undefined
  let re = patterns.get(source)
  if (re === undefined) {
    try {
      re = new RegExp(source)
    } catch {
      re = null
    } // a custom profile's bad regex: skip the pattern check
    patterns.set(source, re)
  }
  return re ?? undefined
}

const same = (a: string, b: string) =>
  a.trim().replace(/\/+$/, '').toLowerCase() === b.trim().replace(/\/+$/, '').toLowerCase()
const toggleSlash = (v: string) => (v.endsWith('/') ? v.replace(/\/+$/, '') : v + '/')

interface Field {
  readonly name: 'Identifier (Entity ID)' | 'Reply URL (ACS URL)'
  readonly profileField: 'entityId' | 'acsUrl'
  readonly pattern?: string
  readonly template?: string
  readonly placeholder: FindingCode
  readonly mismatch: FindingCode
}

/**
 * What the admin typed into the IdP for the vendor's app (Identifier, Reply URL, Sign on URL) against the profile:
 * placeholders from the gallery app, the IdP's own entity ID pasted by mistake, trailing slash, http vs https.
 */
export function checkConfiguredValues(md: IdpMetadata | undefined, ctx: MetadataCheckContext): Finding[] {
  const saml = ctx.profile.saml
  const out: Finding[] = []
  if (ctx.spEntityId !== undefined) {
    const v = ctx.spEntityId.trim()
    if (md?.entityId && same(v, md.entityId)) {
      out.push(
        finding(
          'SAML_CONFIG_IDENTIFIER_IS_IDP_ENTITY_ID',
          {
            expected: saml?.entityIdTemplate ?? "the vendor's SP entity ID",
            actual: v,
            idpEntityId: md.entityId,
            where: 'Identifier (Entity ID)',
          },
          ctx,
        ),
      )
    } else {
      out.push(
        ...checkField(
          v,
          {
            name: 'Identifier (Entity ID)',
            profileField: 'entityId',
            pattern: saml?.entityIdPattern,
            template: saml?.entityIdTemplate,
            placeholder: 'SAML_CONFIG_IDENTIFIER_PLACEHOLDER',
            mismatch: 'SAML_CONFIG_IDENTIFIER_MISMATCH',
          },
          ctx,
        ),
      )
    }
  }
  if (ctx.acsUrl !== undefined) {
    out.push(
      ...checkField(
        ctx.acsUrl.trim(),
        {
          name: 'Reply URL (ACS URL)',
          profileField: 'acsUrl',
          pattern: saml?.acsUrlPattern,
          template: saml?.acsUrlTemplate,
          placeholder: 'SAML_CONFIG_REPLY_URL_PLACEHOLDER',
          mismatch: 'SAML_CONFIG_REPLY_URL_MISMATCH',
        },
        ctx,
      ),
    )
  }
  if (ctx.signOnUrl !== undefined) {
    const v = ctx.signOnUrl.trim()
    const p = saml?.placeholders.find((x) => x.field === 'signOnUrl' && same(x.value, v))
    if (p)
      out.push(
        finding(
          'SAML_CONFIG_SIGN_ON_URL_PLACEHOLDER',
          {
            expected: 'the sign-in URL of your own SSO connection (or empty)',
            actual: v,
            placeholder: p.value,
            ...(p.note ? { note: p.note } : {}),
            where: 'Sign on URL',
          },
          ctx,
        ),
      )
  }
  return out
}

function checkField(v: string, f: Field, ctx: MetadataCheckContext): Finding[] {
  const expected = f.template ?? "the vendor's value"
  const where = f.name
  const p = ctx.profile.saml?.placeholders.find((x) => x.field === f.profileField && same(x.value, v))
  if (p)
    return [
      finding(
        f.placeholder,
        { expected, actual: v, placeholder: p.value, ...(p.note ? { note: p.note } : {}), where },
        ctx,
      ),
    ]
  const reason = placeholderReason(v)
  if (reason) return [finding(f.placeholder, { expected, actual: v, reason, where }, ctx)]
  const re = compiled(f.pattern)
  if (!re) return []
  // A profile's pattern may come from a custom file: never run it over an absurdly long value.
  if (v.length > 2048)
    return [finding(f.mismatch, { expected, actual: v.slice(0, 200) + '…', pattern: f.pattern, where }, ctx)]
  if (re.test(v)) return []
  const slash = toggleSlash(v)
  if (re.test(slash))
    return [finding('SAML_CONFIG_TRAILING_SLASH', { expected: slash, actual: v, field: f.name, where }, ctx)]
  if (/^http:/i.test(v)) {
    const https = v.replace(/^http:/i, 'https:')
    if (re.test(https) || re.test(toggleSlash(https)))
      return [finding('SAML_CONFIG_NOT_HTTPS', { expected: https, actual: v, field: f.name, where }, ctx)]
  }
  return [finding(f.mismatch, { expected, actual: v, pattern: f.pattern, where }, ctx)]
}
