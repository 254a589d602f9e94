// `watch`: the certificate and configuration watch over a checked document and the last snapshot (lib/watch).
export { watchReport, WatchSnapshotSchema } from '../watch/index'
export type { WatchResult, WatchSnapshot } from '../watch/index'
