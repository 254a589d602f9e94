import type { CatalogEntry, PerIdp } from '../types'
import { CERT_SCREENS } from './cert'

/** Where an admin sees the SAML app's configuration the vendor relies on (what a scheduled check compares). */
const APP_SSO: PerIdp = {
  entra: 'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on',
  okta: 'Okta Admin Console › Applications › (app) › Sign On',
}

/**
 * What a scheduled re-check (`sso-preflight watch`, the app's daily check) sees change between two checks of the
 * same IdP configuration. The per-certificate words (which screen, which order) stay with the CERT_ entries; these
 * say what changed and when to act.
 */
export const watchCatalog = {
  CERT_EXPIRY_THRESHOLD: {
    severity: 'warning',
    owner: 'idp',
    title: 'A signing certificate is inside an expiry window',
    symptom: 'A scheduled check reports that the IdP signing certificate expires in 90, 30 or 7 days.',
    detail:
      'The certificate the IdP publishes expires within one of the watch windows (90 days: info, 30 days: warning, 7 days: error). Sign-in stops when it expires unless a new certificate has been activated in the IdP and the vendor has it too.',
    nextStep:
      "Start the certificate rollover now, in the vendor's order: add the new certificate in the IdP, give it to the vendor, then make it active in the IdP.",
    important:
      "Where the vendor holds one certificate at a time, the switch causes a short outage whichever side changes first unless the vendor's own sequence is followed: plan it for a quiet hour.",
    fixAt: CERT_SCREENS,
  },
  CERT_NEW_PUBLISHED: {
    severity: 'warning',
    owner: 'idp',
    title: 'A new signing certificate was published (rollover started)',
    symptom: "The IdP's metadata or JWKS lists a certificate or key that the previous check did not see.",
    detail:
      'A certificate or key appeared since the last check: the IdP (or an admin) started a rollover. SAML service providers that pin one certificate fail when the IdP starts signing with the new one, unless they were given it first.',
    nextStep:
      'Give the new certificate to the vendor now (download it from the IdP as Base64), before it becomes the active signing certificate.',
    fixAt: CERT_SCREENS,
  },
  CERT_REMOVED: {
    severity: 'info',
    owner: 'idp',
    title: 'A certificate is no longer published',
    symptom: "The IdP's metadata or JWKS no longer lists a certificate or key that the previous check saw.",
    detail:
      'A certificate or key disappeared since the last check: a rollover finished or an old certificate was removed. If the vendor still holds only the removed certificate, sign-in fails.',
    nextStep: 'Make sure the vendor holds the certificate the IdP signs with now (compare thumbprints).',
    fixAt: CERT_SCREENS,
  },
  INPUT_CONFIGURATION_CHANGED: {
    severity: 'info',
    owner: 'idp',
    title: 'The IdP configuration changed since the last check',
    symptom: 'A scheduled check sees different metadata, discovery or JWKS content than the previous run.',
    detail:
      "The document's content hash differs from the previous check. Not every change matters; the other findings of this check say whether anything the vendor relies on moved.",
    nextStep: "Read this check's other findings; if none, no action is needed.",
    fixAt: APP_SSO,
  },
  INPUT_VERDICT_CHANGED: {
    severity: 'warning',
    owner: 'idp',
    title: 'The go / no-go changed since the last check',
    symptom: 'A configuration that passed before now has blocking findings, or the reverse.',
    detail:
      'The verdict of this check differs from the previous one. The error findings of this report say what now blocks (or what was fixed).',
    nextStep: 'Fix the error findings of this report, starting with those owned by the IdP team.',
    fixAt: APP_SSO,
  },
} as const satisfies Record<string, CatalogEntry>
