export { APP_VARIANTS, choiceForDetected, idpKindOf, resolveIdpChoice, setupIdpChoices } from './idp-choices'
export type { AppVariant, SetupIdpChoice, SetupVariantChoice } from './idp-choices'
export { SCREEN_KEYS, setupScreenFor } from './screens'
export type { ScreenKey, SetupScreen } from './screens'
export {
  accountEmailFindings,
  immutableIdChangeFindings,
  immutableIdSourceFindings,
  readVendorCertificate,
  testUserCapFindings,
  vendorCertificateFindings,
  verifiedDomainFindings,
} from './checks'
export type { AccountEmailResult, VendorCertificate } from './checks'
export { GENERIC_SETUP_STEPS, setupWalk } from './walk'
export type {
  CheckState,
  SetupBlocker,
  SetupStepDef,
  SetupStepView,
  SetupWalk,
  SetupWalkInput,
  StepCheck,
  StepValue,
} from './walk'
