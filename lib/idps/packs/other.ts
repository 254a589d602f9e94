import { definePack } from '../schema'

/** Any IdP not recognised. Nothing detects it; its screens are the generic names every SAML IdP has in some form. */
export const other = definePack({
  id: 'other',
  label: 'Other IdP',
  docsUrl: 'https://docs.oasis-open.org/security/saml/v2.0/saml-metadata-2.0-os.pdf',
  docs: ['https://docs.oasis-open.org/security/saml/v2.0/saml-metadata-2.0-os.pdf'],
  detect: { entityId: [], endpointHost: [], responseIssuer: [], oidcIssuer: [], errorPage: [], certificate: [] },
  screens: {
    'saml.replyUrl': 'the SAML app’s list of allowed Assertion Consumer Service (reply) URLs',
    'logs.signIns': "The IdP's sign-in / audit log, filtered by the user and the time of the failure",
  },
  variants: [{ id: 'default', label: 'SAML app', screens: {} }],
})
