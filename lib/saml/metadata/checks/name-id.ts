import { finding } from '../../../findings/finding'
import type { Finding } from '../../../findings/types'
import type { IdpMetadata } from '../types'
import type { MetadataCheckContext } from './context'

/** The NameID formats the IdP announces must include one the vendor accepts (no announced formats: nothing to say). */
export function checkNameIdFormats(md: IdpMetadata, ctx: MetadataCheckContext): Finding[] {
  const accepted = ctx.profile.saml?.nameIdFormats ?? []
  if (accepted.length === 0 || md.nameIdFormats.length === 0) return []
  if (md.nameIdFormats.some((f) => accepted.includes(f))) return []
  return [
    finding(
      'SAML_METADATA_NAMEID_FORMATS_UNSUPPORTED',
      { expected: accepted, actual: md.nameIdFormats, where: 'IDPSSODescriptor/NameIDFormat' },
      ctx,
    ),
  ]
}
