import type { CatalogEntry, PerIdp } from '../types'

/** Where each IdP rolls or replaces its SAML signing certificate (JWKS keys of Entra / Okta roll automatically). */
export const CERT_SCREENS: PerIdp = {
  entra:
    'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on › SAML Certificates › Edit › New Certificate › Make certificate active',
  okta: 'Okta Admin Console › Applications › (app) › Sign On › SAML Signing Certificates › Generate new certificate › Actions › Activate',
  adfs: 'AD FS Management › Service › Certificates › Token-signing (or PowerShell: Update-AdfsCertificate -CertificateType Token-Signing)',
  google:
    'Google Admin console › Security › Authentication › SSO with SAML applications › (app) › Manage certificates › Add certificate',
  keycloak: 'Keycloak admin console › (realm) › Realm settings › Keys › Providers › rsa-generated › Add provider',
}

/** Who changed the signing certificate, and when. */
const CERT_LOGS: PerIdp = {
  entra:
    'Entra admin center › Entra ID › Monitoring & health › Audit logs › filter Service = Core Directory, Activity = Update application (or Update service principal) › the app',
  okta: 'Okta Admin Console › Reports › System Log › filter: eventType eq "app.lifecycle.update" (target = the app) for certificate changes',
  adfs: 'Event Viewer › Applications and Services Logs › AD FS › Admin (certificate rollover events)',
}

/** X.509 certificate problems, for SAML metadata certificates and JWKS x5c chains alike. */
export const certCatalog = {
  CERT_EXPIRED: {
    severity: 'error',
    owner: 'idp',
    title: 'A certificate has expired',
    symptom:
      'SSO stopped working on a date; the vendor reports an invalid or expired signing certificate; the metadata lists a certificate whose "valid to" date has passed.',
    detail:
      "The certificate's notAfter date is before the time of the check. A service provider that checks validity refuses signatures made with it, and a certificate past its date is usually no longer the one the IdP signs with.",
    nextStep:
      "Create or activate a current signing certificate in the IdP, then upload that certificate (Base64) to the vendor's SSO settings before the old one is removed.",
    important:
      'Upload the new certificate at the vendor first, then make it active in the IdP: the other order breaks sign-in until both sides agree.',
    fixAt: CERT_SCREENS,
    screen: 'saml.signingCertificate',
    logs: CERT_LOGS,
    logsScreen: 'logs.audit',
    aliases: ['certificate expired', 'expired certificate'],
  },
  CERT_EXPIRING_SOON: {
    severity: 'warning',
    owner: 'idp',
    title: 'A certificate expires soon',
    symptom:
      'The IdP shows an expiry notice for the SAML signing certificate; the certificate\'s "valid to" date is within the warning window.',
    detail:
      "The certificate is valid now but expires within the profile's warning window. When it expires, sign-in fails unless a new certificate has been activated in the IdP and uploaded to the vendor.",
    nextStep:
      "Plan the rollover now. A vendor that holds one IdP certificate fails every sign-in between the two changes, whichever side changes first: create the new certificate in the IdP, then make it active and upload it at the vendor back to back, in the vendor's own sequence (the profile names it), at a quiet time.",
    important:
      'Neither order is outage-free with a single certificate at the vendor: activating first breaks sign-ins until the upload, uploading first breaks them until the activation. Keep the gap to minutes and test one user right after.',
    fixAt: CERT_SCREENS,
    screen: 'saml.signingCertificate',
  },
  CERT_NOT_YET_VALID: {
    severity: 'error',
    owner: 'idp',
    title: 'A certificate is not valid yet',
    symptom:
      'A freshly created certificate is refused; its "valid from" date is in the future, or the IdP\'s or this machine\'s clock is wrong.',
    detail:
      "The certificate's notBefore date is after the time of the check. Signatures made with it are refused until that date.",
    nextStep:
      "Keep the current certificate active until the new one's start date has passed, and check the IdP server clock if the date looks wrong.",
    fixAt: CERT_SCREENS,
    screen: 'saml.signingCertificate',
  },
  CERT_RSA_KEY_TOO_SMALL: {
    severity: 'error',
    owner: 'idp',
    title: "The certificate's RSA key is too short",
    symptom: 'An old or hand-made certificate with a 1024-bit (or shorter) RSA key.',
    detail:
      "RSA keys shorter than the profile's minimum can be broken with practical effort; current SAML and OIDC libraries refuse them.",
    nextStep:
      'Create a new signing certificate with a 2048-bit (or longer) RSA key in the IdP, upload it to the vendor and make it active.',
    fixAt: CERT_SCREENS,
    screen: 'saml.signingCertificate',
  },
  CERT_WEAK_SIGNATURE_ALGORITHM: {
    severity: 'warning',
    owner: 'idp',
    title: 'The certificate itself is signed with SHA-1 or MD5',
    symptom:
      'The certificate details show "sha1WithRSAEncryption" or "md5WithRSAEncryption" as its signature algorithm.',
    detail:
      'This is the algorithm the certificate was signed with, not the one the IdP signs SAML messages with. For a self-signed IdP certificate that the vendor pins it does not weaken trust (reported as info); for a CA-issued certificate it does, and strict software refuses such certificates.',
    nextStep:
      'At the next rollover, create the certificate with SHA-256. Separately make sure the IdP signs SAML messages with RSA-SHA256.',
    fixAt: CERT_SCREENS,
    screen: 'saml.signingCertificate',
  },
  CERT_UNPARSEABLE: {
    severity: 'error',
    owner: 'idp',
    title: 'A certificate cannot be read',
    symptom: 'The X509Certificate text is truncated, damaged while copying, or not base64 DER.',
    detail: 'The value is not a well-formed X.509 certificate, so no signature can be checked with it.',
    nextStep:
      'Download the certificate (Base64) or the whole metadata again from the IdP instead of copying it from a page or e-mail.',
    fixAt: {
      entra:
        'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on › SAML Certificates › Certificate (Base64) › Download',
      okta: 'Okta Admin Console › Applications › (app) › Sign On › SAML Signing Certificates › Actions › Download certificate',
      adfs: 'AD FS Management › Service › Certificates › Token-signing › View Certificate › Details › Copy to File (Base-64)',
      google: 'Google Admin console › Apps › Web and mobile apps › (app) › Download metadata',
    },
  },
  CERT_PLACEHOLDER: {
    severity: 'error',
    owner: 'idp',
    title: 'A certificate was redacted or left as a placeholder',
    symptom:
      'The X509Certificate element holds text like "MIIC...", "REDACTED" or "<certificate>" instead of the certificate.',
    detail:
      'The document carries a shortened, redacted or template value where the certificate belongs, so nothing can be verified with it. Documents copied from tickets and guides often look like this.',
    nextStep: 'Download the metadata (or the Base64 certificate) directly from the IdP and upload that file unchanged.',
    fixAt: {
      entra:
        'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on › SAML Certificates › Federation Metadata XML › Download',
      okta: 'Okta Admin Console › Applications › (app) › Sign On › SAML 2.0 › Metadata details › Metadata URL',
      adfs: 'https://<your AD FS host>/FederationMetadata/2007-06/FederationMetadata.xml',
      google: 'Google Admin console › Apps › Web and mobile apps › (app) › Download metadata',
    },
  },
  CERT_KEY_TYPE_UNSUPPORTED: {
    severity: 'warning',
    owner: 'idp',
    title: "The certificate's key type is not usable for SSO signatures",
    symptom: 'A DSA, Ed25519 or other unusual key type appears in a signing certificate.',
    detail:
      'SAML and OIDC service providers verify RSA (and, less often, EC) signatures. Other key types are refused by most of them.',
    nextStep: 'Create an RSA 2048-bit signing certificate in the IdP and make it the active one.',
    fixAt: CERT_SCREENS,
    screen: 'saml.signingCertificate',
  },
  CERT_ROLLOVER_IN_PROGRESS: {
    severity: 'info',
    owner: 'idp',
    title: 'Several signing certificates are published (certificate rollover)',
    symptom: 'The metadata lists two or more signing certificates.',
    detail:
      'The IdP publishes more than one signing certificate, usually during a rollover. Only one of them signs at a time; the evidence names the newest valid one. A vendor that accepts a single certificate must be given the one the IdP actually signs with.',
    nextStep:
      'Check which certificate is active in the IdP and make sure exactly that one is uploaded to the vendor; add the next one before the switch if the vendor accepts two.',
    fixAt: {
      entra:
        'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on › SAML Certificates (the one marked Active signs)',
      okta: 'Okta Admin Console › Applications › (app) › Sign On › SAML Signing Certificates (the one marked Active signs)',
      adfs: 'AD FS Management › Service › Certificates › Token-signing (the one marked Primary signs)',
      google:
        'Google Admin console › Security › Authentication › SSO with SAML applications › (app) › Manage certificates',
      keycloak: 'Keycloak admin console › (realm) › Realm settings › Keys (the active rsa key signs)',
    },
  },
  CERT_ROLLOVER_EXPIRED_BESIDE_VALID: {
    severity: 'warning',
    owner: 'idp',
    title: 'An expired signing certificate is still published next to a valid one',
    symptom:
      'The metadata lists an expired and a valid signing certificate; SSO may work or fail depending on which one the vendor was given.',
    detail:
      'The rollover was not finished: the old certificate expired but is still in the metadata. If the vendor holds the expired certificate, or the IdP still signs with it, sign-in fails. The evidence says which certificate to keep.',
    nextStep:
      'Make sure the valid certificate is the active one in the IdP and the one uploaded at the vendor, then remove the expired certificate from the IdP.',
    fixAt: CERT_SCREENS,
    screen: 'saml.signingCertificate',
    logs: CERT_LOGS,
    logsScreen: 'logs.audit',
  },
} as const satisfies Record<`CERT_${string}`, CatalogEntry>
