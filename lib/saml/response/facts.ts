import { maskValue } from '../../store/mask'
import type { SignatureGate } from './signature-gate'
import type { SamlResponseEnvelope, SignedAssertion } from './model'
import { algorithmName } from '../../xmldsig/index'

/** The NameID as facts carry it: masked by the one masking module (lib/store/mask.ts), like every stored value. */
export function maskIdentifier(value: string): string {
  return maskValue(value)
}

/**
 * Non-secret values for the admin, read ONLY from signed content: the assertion a valid signature covers, and the
 * Response envelope only when its own signature verified.
 */
export function responseFacts(o: {
  encoding: string
  signed?: SignedAssertion
  response?: SamlResponseEnvelope
  gate?: SignatureGate
}): Record<string, unknown> {
  const facts: Record<string, unknown> = { encoding: o.encoding }
  const g = o.gate
  if (g) {
    facts.signature = {
      response: g.response ? (g.responseSignatureValid ? 'valid' : 'invalid') : 'absent',
      assertion: g.assertion ? (g.assertion.ok && g.signedBy !== 'response' ? 'valid' : 'invalid') : 'absent',
      ...(g.signedBy ? { assertionCoveredBy: g.signedBy } : {}),
      ...(g.key ? { certificateSha256: g.key.sha256 } : {}),
      ...signatureAlgorithms(g),
    }
  }
  const a = o.signed
  if (a) {
    if (a.issuer !== undefined) facts.issuer = a.issuer
    // Unmasked: the report goes to whoever ran the check (page, CLI, API answer); every store, share and export
    // path applies maskReport (lib/store/mask.ts), whose personal keys cover nameId and attribute values.
    if (a.nameId && !a.nameId.encrypted) {
      facts.nameId = a.nameId.value
      if (a.nameId.format) facts.nameIdFormat = a.nameId.format
    }
    // (a Set, not includes: the attribute count is the sender's to choose, and includes made this quadratic in it)
    const names = new Set<string>()
    const attributes: { name: string; values: string[] }[] = []
    for (const x of a.attributes) {
      names.add(x.name)
      attributes.push({ name: x.name, values: x.values.slice() })
    }
    facts.attributeNames = [...names]
    facts.attributes = attributes
    const authn = a.authnStatements[0]
    facts.sessionIndexPresent = a.authnStatements.some((s) => s.sessionIndex !== undefined)
    if (authn?.classRefs[0]) facts.authnContextClassRef = authn.classRefs[0]
    const audiences: string[] = []
    for (const list of a.conditions?.audienceRestrictions ?? []) for (const audience of list) audiences.push(audience)
    if (audiences.length) facts.audience = audiences.length === 1 ? audiences[0] : audiences
    const data = a.subjectConfirmations.find((s) => s.data)?.data
    if (data?.recipient) facts.recipient = data.recipient
    if (data?.inResponseTo) facts.inResponseTo = data.inResponseTo
  }
  if (g?.responseSignatureValid && o.response) {
    if (o.response.destination !== undefined) facts.destination = o.response.destination
    if (o.response.inResponseTo !== undefined) facts.inResponseTo = o.response.inResponseTo
    if (o.response.issuer !== undefined) facts.responseIssuer = o.response.issuer
  }
  return facts
}

/** The algorithms of the signature we rely on (the Assertion's when valid, else the Response's), else of any present. */
function signatureAlgorithms(g: SignatureGate): { signatureAlgorithm?: string; digestAlgorithm?: string } {
  const counted =
    g.assertion?.ok && g.signedBy !== 'response'
      ? g.assertion
      : g.responseSignatureValid
        ? g.response
        : (g.assertion ?? g.response)
  if (!counted?.signatureMethod) return {}
  return {
    signatureAlgorithm: algorithmName(counted.signatureMethod),
    ...(counted.digestMethod ? { digestAlgorithm: algorithmName(counted.digestMethod) } : {}),
  }
}
