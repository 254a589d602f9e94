import type { CatalogEntry } from '../types'

/* A headless test login (`sso-preflight login`): what can stop a scripted sign-in before the IdP answers. */

export const headlessCatalog = {
  INPUT_LOGIN_INTERACTIVE_STEP: {
    severity: 'error',
    owner: 'end-user',
    step: 'run',
    title: 'The IdP asks for a step a script cannot take',
    symptom:
      'A headless test login stops at a page that wants a one-time code, a push approval, a choice of account, a CAPTCHA, or credentials that were not given.',
    detail:
      'The login page is not a plain username / password form (or the credentials were not set), so the scripted login cannot go on. No SAML answer was produced, so nothing about the configuration was checked.',
    nextStep:
      'Use a test user without MFA for pipeline logins (exclude it from the MFA policy, or use a test IdP), set SSO_PREFLIGHT_USERNAME and SSO_PREFLIGHT_PASSWORD, or run the test login in a browser from the app instead.',
  },
  INPUT_LOGIN_CREDENTIALS_REFUSED: {
    severity: 'error',
    owner: 'end-user',
    step: 'run',
    title: "The IdP refused the test user's username or password",
    symptom: 'After the credentials were submitted, the IdP showed its sign-in form again.',
    detail:
      'The IdP answered the submitted credentials with the same sign-in form, which is how login pages say "wrong username or password". The configuration was not reached.',
    nextStep:
      "Check SSO_PREFLIGHT_USERNAME and SSO_PREFLIGHT_PASSWORD (the pipeline's secrets) and that the test account is active and not locked.",
  },
  INPUT_LOGIN_NO_ANSWER: {
    severity: 'error',
    owner: 'idp',
    step: 'run',
    title: 'The IdP sent no answer to the test login',
    symptom:
      'A headless test login ended on a page with neither a SAMLResponse form nor a redirect back to the client: an error page, an endless chain of pages, or a page the script does not recognise.',
    detail:
      'Within the step limit the IdP neither asked for credentials nor answered (a SAMLResponse to the ACS URL, or a redirect to the redirect URI). The evidence names the last page reached.',
    nextStep: "Open the same sign-in in a browser to see the page, and check the IdP's sign-in logs for the request.",
    fixAt: {
      entra: 'Entra admin center › Entra ID › Monitoring & health › Sign-in logs (filter by the test user and the app)',
      okta: 'Okta Admin Console › Reports › System Log (filter by the test user)',
    },
  },
} as const satisfies Record<string, CatalogEntry>
