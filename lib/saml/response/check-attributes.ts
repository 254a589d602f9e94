import type { CheckContext } from '../../context'
import { finding } from '../../findings/finding'
import type { Finding } from '../../findings/types'
import type { SpProfile } from '../../profiles/schema'
import type { AssertionModel, SamlAttribute } from './model'

type Required = NonNullable<SpProfile['saml']>['requiredAttributes'][number]

const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'
const isNamespaced = (name: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(name)
const lastSegment = (name: string) => name.slice(name.lastIndexOf('/') + 1)

/**
 * Required and recommended attributes per the profile: sent under the exact name and not empty. A value sent
 * under an alias, or under Entra's namespaced claim URI, is named as such so the next step can say "rename".
 * A profile that insists on exact names (rejectNamespacedAttributeNames, e.g. the default vendor profile) refuses aliases and wants
 * the email attribute itself; a lenient one (generic) gets warnings for those, as most SPs map them.
 */
export function checkAttributes(a: AssertionModel, ctx: CheckContext): Finding[] {
  const s = ctx.profile.saml
  const fctx = { idp: ctx.idp }
  const out: Finding[] = []
  const byName = new Map<string, SamlAttribute[]>()
  for (const attr of a.attributes) {
    const list = byName.get(attr.name)
    if (list) list.push(attr)
    else byName.set(attr.name, [attr])
  }
  for (const [name, list] of byName) {
    if (list.length > 1)
      out.push(
        finding(
          'SAML_ATTRIBUTE_DUPLICATE',
          {
            expected: `one Attribute named ${name}`,
            actual: `${list.length} Attribute elements named ${name}`,
            where: '/Assertion/AttributeStatement/Attribute',
          },
          fctx,
        ),
      )
  }
  // The same treatment as a comment inside NameID: an SP that reads only the first text node sees another value
  // (e.g. another e-mail address) than the one signed.
  for (const attr of a.attributes) {
    if (attr.hasComment)
      out.push(
        finding(
          'SAML_ATTRIBUTE_COMMENT',
          {
            expected: 'AttributeValue text without comments',
            actual: `a comment inside an AttributeValue of ${attr.name}`,
            attribute: attr.name,
            where: '/Assertion/AttributeStatement/Attribute/AttributeValue',
          },
          fctx,
        ),
      )
  }
  if (!s) return out
  const sentNames = [...byName.keys()]
  for (const req of s.requiredAttributes) {
    const severity = req.level === 'recommended' ? ('warning' as const) : undefined
    const o = severity ? { severity } : {}
    const exact = byName.get(req.name)
    const source = req.source[ctx.idp]
    if (exact) {
      if (req.nonEmpty && exact.every((x) => x.values.every((v) => v === ''))) {
        out.push(
          finding(
            'SAML_ATTRIBUTE_EMPTY',
            {
              expected: `${req.name} with a value`,
              actual: exact[0]!.values.length ? 'empty value' : 'no AttributeValue',
              attribute: req.name,
              ...(source ? { mapFrom: source } : {}),
            },
            fctx,
            o,
          ),
        )
      }
      continue
    }
    const alias = findAlias(req, sentNames)
    if (alias) {
      const code =
        isNamespaced(alias) && s.rejectNamespacedAttributeNames ? 'SAML_ATTRIBUTE_NAMESPACED' : 'SAML_ATTRIBUTE_ALIAS'
      // A vendor that insists on exact names (it rejects namespaced ones) refuses an alias; a lenient profile
      // (generic) says "rename" as a warning, since many SPs map the common aliases themselves.
      const aliasSeverity = severity ?? (s.rejectNamespacedAttributeNames ? undefined : ('warning' as const))
      out.push(
        finding(
          code,
          { expected: req.name, actual: alias, ...(source ? { mapFrom: source } : {}) },
          fctx,
          aliasSeverity ? { severity: aliasSeverity } : {},
        ),
      )
      continue
    }
    const code = req.level === 'recommended' ? 'SAML_ATTRIBUTE_RECOMMENDED_MISSING' : 'SAML_ATTRIBUTE_MISSING'
    // An e-mail NameID carries the address a lenient SP (one that does not insist on exact names) can use instead.
    const emailInNameId =
      /^e?mail$/i.test(req.name) && a.nameId?.format === EMAIL_FORMAT && a.nameId.value.includes('@')
    const missingSeverity = emailInNameId && !s.rejectNamespacedAttributeNames ? { severity: 'warning' as const } : {}
    out.push(
      finding(
        code,
        {
          expected: req.name,
          actual: sentNames.length ? sentNames : 'no attributes sent',
          ...(emailInNameId ? { note: 'the NameID (emailAddress format) carries an e-mail address' } : {}),
          ...(source ? { mapFrom: source } : {}),
        },
        fctx,
        missingSeverity,
      ),
    )
  }
  return out
}

function findAlias(req: Required, sent: readonly string[]): string | undefined {
  const lower = req.name.toLowerCase()
  return (
    sent.find((n) => req.aliases.includes(n)) ??
    sent.find((n) => n.toLowerCase() === lower) ??
    // Entra without a cleared namespace: http://schemas.../claims/<the expected name>
    sent.find((n) => isNamespaced(n) && lastSegment(n).toLowerCase() === lower) ??
    sent.find((n) => n !== req.name && req.aliases.some((al) => al.toLowerCase() === n.toLowerCase()))
  )
}
