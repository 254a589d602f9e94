export { watchReport, WatchSnapshotSchema, WATCH_SNAPSHOT_SCHEMA_ID } from './watch'
export type { WatchResult, WatchSnapshot } from './watch'
