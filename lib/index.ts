/**
 * The public API of SSO Preflight's core. The CLI, the app and the benchmark call only these.
 * Every entry point returns a Report (lib/findings/report.ts); bad input becomes findings, never a throw.
 */
export * from './findings/index'
export {
  BUILTIN_PROFILES,
  DEFAULT_PROFILE_ID,
  isBuiltinProfileId,
  parseProfile,
  SpProfileSchema,
  vendorNameOf,
} from './profiles/index'
export type { BuiltinProfileId, SpProfile } from './profiles/index'
export { checkContext } from './context'
export type { CheckContext, Parsed } from './context'
export { PreflightError, usageError } from './errors'
export type { PreflightErrorCode } from './errors'
export type { IdpTrust } from './saml/types'
export { decodeSamlMessage, validateSamlResponse } from './saml/response/index'
export type { ValidateResponseOptions } from './saml/response/index'
export { analyzeSamlMetadata, parseIdpMetadata, toIdpTrust } from './saml/metadata/index'
export type { AnalyzeMetadataOptions, IdpMetadata } from './saml/metadata/index'
export { analyzeOidcConfiguration, analyzeOidcIssuer, fetchOidcDocuments } from './oidc/index'
export type { OidcDocuments, OidcInput, OidcOptions } from './oidc/index'
export {
  allowLoopbackForTests,
  isForbiddenAddress,
  loopbackAllowedByEnv,
  makeCustomFetch,
  netFindingsOf,
  safeFetch,
  SafeFetchError,
} from './net/index'
export type { SafeFetchOptions, SafeFetchResult } from './net/index'
export { analyzeHar, buildSupportBundle, explain, parseSupportBundle, triageInput } from './triage/index'
export type { SupportBundle, TriageResult } from './triage/index'
export { checkIdToken } from './oidc/id-token/index'
export { watchReport, WatchSnapshotSchema } from './watch/index'
export type { WatchResult, WatchSnapshot } from './watch/index'
export { headlessOidcLogin, headlessSamlLogin } from './testlogin/headless/index'
export type { HeadlessOidcLoginInput, HeadlessSamlLoginInput } from './testlogin/headless/index'
export { NewConnectionRequestSchema, setupValues, verdictFor } from './connections/index'
export type {
  BlockingItem,
  ConnectionVerdict,
  FailingUser,
  MatrixRow,
  TestMatrix,
  Verdict,
  VerdictOptions,
} from './connections/index'
export { analyzeHarBounded, triageInputBounded, runInWorker, DEFAULT_BUDGET } from './budget/index'
export type { Budget, BudgetFailure, BudgetResult } from './budget/index'
export { readableSamlMessage } from './saml/response/index'
export { detectInput, DetectedInputSchema } from './input/detect-input'
export type { DetectedInput, InputEncoding, InputKind } from './input/detect-input'
export {
  accountEmailFindings,
  choiceForDetected,
  immutableIdChangeFindings,
  immutableIdSourceFindings,
  readVendorCertificate,
  resolveIdpChoice,
  setupIdpChoices,
  setupScreenFor,
  setupWalk,
  testUserCapFindings,
  vendorCertificateFindings,
  verifiedDomainFindings,
} from './setup/index'
export type {
  AppVariant,
  SetupIdpChoice,
  SetupStepView,
  SetupVariantChoice,
  SetupWalk,
  SetupWalkInput,
  StepCheck,
} from './setup/index'
// Whole jobs (lib/jobs): what the CLI commands, the /check page and action, and the report API call.
export { checkMetadata, checkOidc, checkResponse, checkToken, resolveProfile } from './jobs/index'
export type {
  CheckMetadataInput,
  CheckMetadataResult,
  CheckOidcInput,
  CheckOidcResult,
  CheckResponseInput,
  CheckResponseResult,
  CheckTokenInput,
  DocumentSource,
  JobResult,
  ProfileRef,
  ResolvedProfile,
} from './jobs/index'
export type { PrettyXml } from './xml/pretty'
// What the app's pages and route handlers show beside the jobs (so no face reaches into lib's folders).
export { connectionUrls, isAbandoned, pendingDeadline, toNewConnection, vendorSpValues } from './connections/index'
export type { ConnectionUrls, NewConnectionRequest } from './connections/index'
export { GUIDE_ROWS, guideQuestion, guideRow } from './triage/index'
export type { GuideRow, TriageInputKind } from './triage/index'
export { DEFAULT_MAX_HAR_BYTES } from './triage/har/parse'
// The IdP packs: detection, labels and screens per IdP (lib/idps).
export { detectIdp, IDP_CHOICES, IDP_IDS, idpLabel, idpPack, screenFor } from './idps/index'
export type { IdpDetection, IdpId, IdpPack } from './idps/index'
// Team mode: the deployment config, roles and the one access decision (lib/team).
export {
  ActionSchema,
  allows,
  LEAST_ROLE,
  LOCAL_PRINCIPAL,
  LOCAL_WORKSPACE_ID,
  PrincipalSchema,
  readDeploymentConfig,
  RoleSchema,
  roleAllows,
  SCOPE_ACTIONS,
  SETUP_LINK_ACTIONS,
  TEAM_REQUIRED_VARS,
  TokenScopeSchema,
} from './team/index'
export type {
  AccessTarget,
  Action,
  DeploymentConfig,
  LocalConfig,
  Principal,
  Role,
  TeamConfig,
  TokenScope,
} from './team/index'
// Webhooks of the watch: the headers a receiver verifies (lib/watch/webhook.ts).
export { DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './watch/webhook'
