export { catalog, catalogEntry, isFindingCode } from './catalog/index'
export { finding } from './finding'
export {
  buildReport,
  groupByOwner,
  OWNER_LABEL,
  ownerLabel,
  REPORT_SCHEMA_ID,
  ReportSchema,
  sortFindings,
  summarize,
} from './report'
export { rederiveReport } from './rederive'
export { MAX_IMPORTED_DEPTH, nestsDeeperThan } from './json-depth'
export { renderJson, renderMarkdown, renderText, showValue } from './render'
export { EvidenceSchema, FindingSchema, IdpKindSchema, OwnerSchema, SeveritySchema } from './types'
export type { FindingCode } from './catalog/index'
export type { RederiveResult } from './rederive'
export type { FindingContext } from './finding'
export type {
  BuildReportInput,
  CertificateSummary,
  Report,
  ReportSummary,
  Subject,
  SubjectKind,
  TimelineStep,
} from './report'
export type { CatalogEntry, Evidence, Finding, IdpKind, Owner, PerIdp, Severity } from './types'
export { compareSamlSettings, ComparisonSchema, withSamlComparison } from './comparison'
export type { Comparison, ComparisonRow, ComparisonStatus, ConfiguredSpValues } from './comparison'
