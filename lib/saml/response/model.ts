import type { XmlElement } from '../../xml/types'

/** What the root of an uploaded document is. */
export type SamlMessageKind =
  'response' | 'assertion' | 'authn-request' | 'logout-request' | 'logout-response' | 'metadata' | 'saml1' | 'other'

export interface SamlStatus {
  readonly code?: string
  readonly subCode?: string
  readonly message?: string
  readonly element?: XmlElement
}

/** The Response envelope, read without trusting it (its values only ever produce findings unless its signature verifies). */
export interface SamlResponseEnvelope {
  readonly element: XmlElement
  readonly id?: string
  readonly version?: string
  readonly issueInstant?: string
  readonly destination?: string
  readonly inResponseTo?: string
  readonly issuer?: string
  readonly status?: SamlStatus
  readonly signature?: XmlElement
}

/** A read of the whole message: the root kind, the envelope and the candidate assertions (not yet trusted). */
export interface SamlResponseDocument {
  readonly kind: SamlMessageKind
  readonly root: XmlElement
  readonly response?: SamlResponseEnvelope
  /** saml:Assertion elements outside Advice, anywhere in the document. */
  readonly assertions: readonly XmlElement[]
  readonly encryptedAssertions: readonly XmlElement[]
}

export interface SubjectConfirmation {
  readonly method?: string
  readonly element: XmlElement
  readonly data?: {
    readonly element: XmlElement
    readonly notBefore?: string
    readonly notOnOrAfter?: string
    readonly recipient?: string
    readonly inResponseTo?: string
  }
}

export interface SamlAttribute {
  readonly name: string
  readonly friendlyName?: string
  readonly nameFormat?: string
  readonly values: readonly string[]
  /** A comment or processing instruction inside an AttributeValue (as inside NameID: text split to be read two ways). */
  readonly hasComment?: boolean
}

export interface AuthnStatementModel {
  readonly authnInstant?: string
  readonly sessionIndex?: string
  readonly sessionNotOnOrAfter?: string
  readonly classRefs: readonly string[]
}

/**
 * An assertion's contents. Built only from an element a verified signature covers (SignedAssertion), or from
 * an unverified element for error reporting (never shown as identity).
 */
export interface AssertionModel {
  readonly element: XmlElement
  readonly id?: string
  readonly version?: string
  readonly issueInstant?: string
  readonly issuer?: string
  readonly nameId?: {
    readonly value: string
    readonly format?: string
    readonly spNameQualifier?: string
    readonly hasComment: boolean
    readonly encrypted: boolean
  }
  readonly subjectConfirmations: readonly SubjectConfirmation[]
  readonly conditions?: {
    readonly notBefore?: string
    readonly notOnOrAfter?: string
    /** One list per AudienceRestriction: the SP must be in every list. */
    readonly audienceRestrictions: readonly (readonly string[])[]
  }
  readonly authnStatements: readonly AuthnStatementModel[]
  readonly attributes: readonly SamlAttribute[]
  readonly signature?: XmlElement
}

/** The assertion once a valid signature (its own, or its enclosing Response's) covers it: the only source of identity. */
export interface SignedAssertion extends AssertionModel {
  readonly signedBy: 'assertion' | 'response' | 'both'
}
