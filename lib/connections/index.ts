export { isAbandoned, pendingDeadline, TEST_USER_TARGET, UNIDENTIFIED, verdictFor } from './verdict'
export type {
  BlockingItem,
  ConnectionVerdict,
  FailingUser,
  MatrixFinding,
  MatrixRow,
  OpenFailure,
  TestMatrix,
  Verdict,
  VerdictOptions,
} from './verdict'
export { NewConnectionRequestSchema, toNewConnection, vendorSpValues } from './request'
export type { NewConnectionRequest } from './request'
export { connectionUrls, setupValues } from './setup-values'
export { spValuesFromMetadata } from './sp-metadata'
export type { SpMetadataValues } from './sp-metadata'
export type { ConnectionUrls, SetupValue } from './setup-values'
