import type { CatalogEntry } from '../types'

/* A headless test login (`sso-preflight login`): what can stop a scripted sign-in before the IdP answers. */

export const headlessCatalog = {
  SAML_HEADLESS_INTERACTIVE_STEP: {
    severity: 'error', owner: 'end-user',
    title: 'The IdP asks for a step a script cannot take',
    symptom: 'A headless test login stops at a page that wants a one-time code, a push approval, a choice of account, a CAPTCHA, or credentials that were not given.',
    detail: 'The login page is not a plain username / password form (or the credentials were not set), so the scripted login cannot go on. No SAML answer was produced, so nothing about the configuration was checked.',
    nextStep: 'Use a test user without MFA for pipeline logins (exclude it from the MFA policy, or use a test IdP), set SSO_PREFLIGHT_USERNAME and SSO_PREFLIGHT_PASSWORD, or run the test login in a browser from the app instead.',
  },
  SAML_HEADLESS_CREDENTIALS_REFUSED: {
    severity: 'error', owner: 'end-user',
    title: 'The IdP refused the test user\'s username or password',
    symptom: 'After the credentials were submitted, the IdP showed its sign-in form again.',
    detail: 'The IdP answered the submitted credentials with the same sign-in form, which is how login pages say "wrong username or password". The configuration was not reached.',
    nextStep: 'Check SSO_PREFLIGHT_USERNAME and SSO_PREFLIGHT_PASSWORD (the pipeline\'s secrets) and that the test account is active and not locked.',
  },
  SAML_HEADLESS_NO_ANSWER: {
    severity: 'error', owner: 'idp',
    title: 'The IdP sent no SAML answer',
    symptom: 'A headless test login ended on a page with no SAMLResponse form: an error page, an endless chain of pages, or a page the script does not recognise.',
    detail: 'Within the step limit the IdP neither asked for credentials nor posted a SAMLResponse to the ACS URL. The evidence names the last page reached.',
    nextStep: 'Open the SSO URL in a browser with the same SP entity ID to see the page, and check the IdP\'s sign-in logs for the request.',
  },
} as const satisfies Record<string, CatalogEntry>
