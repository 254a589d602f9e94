import { randomUUID } from 'node:crypto'
import { esc, page } from '../html'
import type { Personality } from '../personality'

/** Why the SSO endpoint refused the request before any sign-in: the faults an SP makes in its AuthnRequest. */
export type SsoRequestFault = 'no-saml-request' | 'bad-authn-request' | 'bad-acs-url' | 'method-not-allowed'

interface ErrorPage {
  readonly status: number
  readonly type: string
  readonly body: string
}

/**
 * Entra's answer to each fault: the AADSTS code its sign-in page shows. Codes and wording from Microsoft's list,
 * https://learn.microsoft.com/entra/identity-platform/reference-error-codes (AADSTS750054, AADSTS75005, AADSTS50011
 * there; the catalog's TRIAGE_AADSTS entries carry the same text).
 */
const ENTRA: Record<SsoRequestFault, { code: string; message: string }> = {
  'no-saml-request': {
    code: '750054',
    message:
      'SAMLRequest or SAMLResponse must be present as query string parameters in HTTP request for SAML Redirect binding.',
  },
  'bad-authn-request': {
    code: '75005',
    message: 'Saml2MessageInvalid - Microsoft Entra ID doesn’t support the SAML request sent by the app for SSO.',
  },
  'bad-acs-url': {
    code: '50011',
    message:
      'The redirect URI specified in the request does not match the redirect URIs configured for the application. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.',
  },
  'method-not-allowed': {
    code: '750054',
    message:
      'SAMLRequest or SAMLResponse must be present as query string parameters in HTTP request for SAML Redirect binding.',
  },
}

/**
 * Okta's answers: its error object (errorCode E0000xxx, errorSummary, errorLink, errorId, errorCauses), as listed in
 * https://developer.okta.com/docs/reference/error-codes/ (E0000022 "The endpoint does not support the provided HTTP
 * method", 405; E0000001 "Api validation failed", 400). The mock shows that error object on its page; the code and
 * summary are what an admin copies and what the project's error-page reader (lib/testlogin/idp-error-codes.ts) looks for.
 */
const OKTA: Record<SsoRequestFault, { status: number; code: string; summary: string }> = {
  'no-saml-request': { status: 400, code: 'E0000001', summary: 'Api validation failed: SAMLRequest' },
  'bad-authn-request': { status: 400, code: 'E0000001', summary: 'Api validation failed: SAMLRequest' },
  'bad-acs-url': { status: 400, code: 'E0000001', summary: 'Api validation failed: AssertionConsumerServiceURL' },
  'method-not-allowed': {
    status: 405,
    code: 'E0000022',
    summary: 'The endpoint does not support the provided HTTP method',
  },
}

const GENERIC: Record<SsoRequestFault, { status: number; title: string; text: string }> = {
  'no-saml-request': { status: 400, title: 'No SAMLRequest', text: 'Start a test login from SSO Preflight.' },
  'bad-authn-request': { status: 400, title: 'Bad AuthnRequest', text: 'The SAMLRequest could not be read.' },
  'bad-acs-url': { status: 400, title: 'Bad ACS URL', text: 'The AuthnRequest named no http(s) ACS URL.' },
  'method-not-allowed': {
    status: 405,
    title: 'Method not allowed',
    text: 'The SSO endpoint takes GET (HTTP-Redirect) and POST (HTTP-POST).',
  },
}

const timestamp = (now: Date) =>
  now
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z')

/**
 * The page the IdP shows instead of a sign-in when the SP's request is wrong, in the personality's shape, so that what
 * an admin copies from it (and what `sso-preflight login` reads from it) is what the real IdP would have said.
 * `detail` is the generic personality's own explanation (e.g. why the AuthnRequest could not be read).
 */
export function ssoErrorPage(personality: Personality, fault: SsoRequestFault, now: Date, detail?: string): ErrorPage {
  if (personality === 'entra') {
    // Entra's sign-in error page: "Sorry, but we're having trouble signing you in." then "AADSTS<code>: <message>" and
    // the troubleshooting lines, of which Microsoft's sample error response shows Trace ID, Correlation ID, Timestamp.
    const e = ENTRA[fault]
    return {
      status: 400,
      type: 'text/html; charset=utf-8',
      body: page(
        'Sign in to your account',
        `<h1>Sign in</h1><p>Sorry, but we’re having trouble signing you in.</p>
<p id="error">AADSTS${esc(e.code)}: ${esc(e.message)}</p>
<h2>Troubleshooting details</h2><p>If you contact your administrator, send this info to them.</p>
<pre>Request Id: ${randomUUID()}
Correlation Id: ${randomUUID()}
Timestamp: ${timestamp(now)}
Message: AADSTS${esc(e.code)}: ${esc(e.message)}</pre>`,
      ),
    }
  }
  if (personality === 'okta' || personality === 'okta-org') {
    const o = OKTA[fault]
    const errorId = `oae${randomUUID().replace(/-/g, '').slice(0, 19)}`
    return {
      status: o.status,
      type: 'text/html; charset=utf-8',
      body: page(
        'Okta - Error',
        `<h1>${o.status === 405 ? '405 - Method Not Allowed' : '400 - Bad Request'}</h1>
<p class="error">${esc(o.summary)}</p>
<dl><dt>Error code</dt><dd>${o.code}</dd><dt>Error ID</dt><dd>${errorId}</dd></dl>
<pre>{"errorCode":"${o.code}","errorSummary":"${esc(o.summary)}","errorLink":"${o.code}","errorId":"${errorId}","errorCauses":[]}</pre>
<p>Powered by Okta (mock)</p>`,
      ),
    }
  }
  const g = GENERIC[fault]
  return {
    status: g.status,
    type: 'text/html; charset=utf-8',
    body: page(g.title, `<h1>${esc(g.title)}</h1><p>${esc(detail ?? g.text)}</p>`),
  }
}
