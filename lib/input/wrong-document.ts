import { finding, type FindingContext } from '../findings/finding'
import type { FindingCode } from '../findings/catalog/index'
import type { Finding } from '../findings/types'
import { detectInput, type DetectedInput, type InputKind } from './detect-input'

/** The document a check expects. */
export type ExpectedDocument = 'oidc-discovery' | 'saml-metadata' | 'saml-response'

/*
 * The kinds that mean "the other document was given", and the one finding that says so. Raw XML of the wrong SAML
 * document is already named by the readers (SAML_METADATA_NOT_METADATA with the root element found,
 * SAML_RESPONSE_WRONG_MESSAGE); here it is the forms they cannot see: a JWKS for a discovery document, and a base64
 * or deflated response given as metadata (which the XML parser would call "not XML").
 */
const MISTAKES: Record<ExpectedDocument, Partial<Record<InputKind, FindingCode>>> = {
  'oidc-discovery': { jwks: 'INPUT_JWKS_NOT_DISCOVERY' },
  'saml-metadata': { 'saml-response': 'SAML_METADATA_NOT_METADATA', 'saml-assertion': 'SAML_METADATA_NOT_METADATA' },
  'saml-response': {},
}

const EXPECTED_WORDS: Record<ExpectedDocument, string> = {
  'oidc-discovery': 'an OpenID Connect discovery document (issuer, endpoints, jwks_uri)',
  'saml-metadata': "the IdP's SAML metadata (<EntityDescriptor>)",
  'saml-response': 'a SAML response (<Response>, as XML, base64 or deflated)',
}

/**
 * What the text is, and, when it is recognisably the other document, the one finding that says so instead of every
 * check failing for the wrong reason.
 */
export function wrongDocument(
  text: string,
  expected: ExpectedDocument,
  ctx: FindingContext = {},
): { detected: DetectedInput; finding?: Finding } {
  const detected = detectInput(text)
  const code = MISTAKES[expected][detected.kind]
  if (!code || (expected === 'saml-metadata' && detected.encoding === 'xml')) return { detected }
  return {
    detected,
    finding: finding(code, { expected: EXPECTED_WORDS[expected], actual: detected.description, where: 'input' }, ctx),
  }
}
