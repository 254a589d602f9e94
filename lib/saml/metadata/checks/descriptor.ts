import { finding } from '../../../findings/finding'
import type { Finding } from '../../../findings/types'
import { SAML2_PROTOCOL, type IdpMetadata } from '../types'
import type { MetadataCheckContext } from './context'
import { isoTime } from '../../../time/iso'

const DATE_TIME_RE = /^-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/
const DURATION_RE = /^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/

/** xs:dateTime → epoch ms (fractions beyond milliseconds dropped, no zone = UTC), NaN when not one. */
export function parseXsDateTime(v: string): number {
  const s = v.trim()
  if (!DATE_TIME_RE.test(s)) return NaN
  const m = /^(.*?:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)?$/.exec(s)!
  return Date.parse(`${m[1]}${m[2] ? m[2].slice(0, 4) : ''}${m[3] ?? 'Z'}`)
}

/** validUntil, cacheDuration, protocolSupportEnumeration, WantAuthnRequestsSigned. */
export function checkDescriptor(md: IdpMetadata, ctx: MetadataCheckContext): Finding[] {
  const out: Finding[] = []
  if (md.validUntil !== undefined) {
    const t = parseXsDateTime(md.validUntil)
    if (Number.isNaN(t))
      out.push(
        finding(
          'SAML_METADATA_VALID_UNTIL_INVALID',
          { expected: 'an xs:dateTime such as 2030-01-01T00:00:00Z', actual: md.validUntil, where: md.validUntilWhere },
          ctx,
        ),
      )
    else if (t <= ctx.now.getTime())
      out.push(
        finding(
          'SAML_METADATA_EXPIRED',
          {
            expected: `validUntil after ${isoTime(ctx.now)}`,
            actual: md.validUntil,
            now: isoTime(ctx.now),
            where: md.validUntilWhere,
          },
          ctx,
        ),
      )
  }
  if (md.cacheDuration !== undefined && !DURATION_RE.test(md.cacheDuration.trim())) {
    out.push(
      finding(
        'SAML_METADATA_CACHE_DURATION_INVALID',
        { expected: 'an xs:duration such as PT1H or P1D', actual: md.cacheDuration, where: md.cacheDurationWhere },
        ctx,
      ),
    )
  }
  if (!md.protocolSupportEnumeration.includes(SAML2_PROTOCOL)) {
    out.push(
      finding(
        'SAML_METADATA_NO_SAML2_PROTOCOL',
        {
          expected: SAML2_PROTOCOL,
          actual: md.protocolSupportEnumeration.length
            ? md.protocolSupportEnumeration
            : '(no protocolSupportEnumeration)',
          where: 'IDPSSODescriptor/@protocolSupportEnumeration',
        },
        ctx,
      ),
    )
  }
  if (md.wantAuthnRequestsSigned === true) {
    out.push(
      finding(
        'SAML_METADATA_WANT_AUTHN_REQUESTS_SIGNED',
        {
          expected: "the vendor's SP signs its AuthnRequests",
          actual: 'WantAuthnRequestsSigned="true"',
          where: 'IDPSSODescriptor/@WantAuthnRequestsSigned',
        },
        ctx,
      ),
    )
  }
  return out
}
