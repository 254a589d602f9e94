import type { CheckContext } from '../../context'
import { finding } from '../../findings/finding'
import type { Finding } from '../../findings/types'
import type { AssertionModel } from './model'

const UNSPECIFIED = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified'

/** NameID present, not empty, no comment inside, in a format the vendor accepts. */
export function checkNameId(a: AssertionModel, ctx: CheckContext): Finding[] {
  const fctx = { idp: ctx.idp }
  const n = a.nameId
  const where = '/Assertion/Subject/NameID'
  if (!n || n.encrypted || n.value === '') {
    return [
      finding(
        'SAML_NAMEID_MISSING',
        {
          expected: 'a NameID with a value',
          actual: !n ? 'no NameID' : n.encrypted ? 'EncryptedID (cannot be read without the SP key)' : 'empty NameID',
          where,
        },
        fctx,
      ),
    ]
  }
  const out: Finding[] = []
  if (n.hasComment)
    out.push(
      finding(
        'SAML_NAMEID_COMMENT',
        { expected: 'NameID text without comments', actual: 'a comment inside NameID', where },
        fctx,
      ),
    )
  const formats = ctx.profile.saml?.nameIdFormats ?? []
  const format = n.format ?? UNSPECIFIED
  if (formats.length && !formats.includes(format)) {
    out.push(
      finding(
        'SAML_NAMEID_FORMAT_UNSUPPORTED',
        { expected: formats, actual: n.format ?? `${UNSPECIFIED} (no Format attribute)`, where: `${where}/@Format` },
        fctx,
      ),
    )
  }
  return out
}

/** The Web SSO profile requires an AuthnStatement; the profile may restrict its AuthnContextClassRef. */
export function checkAuthnStatement(a: AssertionModel, ctx: CheckContext): Finding[] {
  const fctx = { idp: ctx.idp }
  if (a.authnStatements.length === 0) {
    return [
      finding(
        'SAML_AUTHN_STATEMENT_MISSING',
        { expected: 'an AuthnStatement', actual: null, where: '/Assertion/AuthnStatement' },
        fctx,
      ),
    ]
  }
  const accepted = ctx.profile.saml?.authnContexts ?? []
  if (!accepted.length) return []
  const sent = a.authnStatements.flatMap((s) => s.classRefs)
  if (sent.some((c) => accepted.includes(c))) return []
  return [
    finding(
      'SAML_AUTHN_CONTEXT_MISMATCH',
      {
        expected: accepted,
        actual: sent.length ? sent : null,
        where: '/Assertion/AuthnStatement/AuthnContext/AuthnContextClassRef',
      },
      fctx,
    ),
  ]
}
