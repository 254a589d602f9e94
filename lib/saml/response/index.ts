export { decodeSamlMessage, DEFAULT_MAX_INFLATED_BYTES } from './decode'
export type { DecodedSamlMessage, SamlMessageEncoding } from './decode'
export { readAssertion, readSamlResponse } from './read'
export { checkSignatures } from './signature-gate'
export type { SignatureGate } from './signature-gate'
export { checkStatus, isSuccess, STATUS_SUCCESS } from './check-status'
export { checkIssuer } from './check-issuer'
export {
  acsExpectation,
  bearerConfirmations,
  checkAudience,
  checkBearer,
  checkDestination,
  checkInResponseTo,
  checkSpNameQualifier,
  pickBearer,
  spEntityExpectation,
} from './check-addressing'
export { checkAssertionTimes, checkResponseTimes } from './check-times'
export { checkAuthnStatement, checkNameId } from './check-subject'
export { checkAttributes } from './check-attributes'
export { maskIdentifier, responseFacts } from './facts'
export { parseSamlTime } from './time'
export { validateParsed, validateSamlResponse } from './validate'
export type { ValidateResponseOptions, ValidationExtras } from './validate'
export type {
  AssertionModel,
  AuthnStatementModel,
  SamlAttribute,
  SamlMessageKind,
  SamlResponseDocument,
  SamlResponseEnvelope,
  SamlStatus,
  SignedAssertion,
  SubjectConfirmation,
} from './model'
export { readableSamlMessage } from './readable'
