export {
  detectIdp,
  DetectionSignalSchema,
  IdpDetectionSchema,
  type DetectionSignal,
  type IdpDetection,
  type IdpSignals,
} from './detect'
export { IDP_CHOICES, IDP_IDS, IDP_PACKS, idpLabel, idpPack, LISTED_WHEN_IDP_UNKNOWN, type IdpId } from './registry'
export { IdpPackSchema, ScreenKeySchema, type AppVariant, type IdpPack, type ScreenKey } from './schema'
export { knownScreen, notKnownScreen, screenFor } from './screens'
