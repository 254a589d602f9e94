import type { IncomingMessage, ServerResponse } from 'node:http'
import { autoPostForm, esc, page, scenarioTable } from '../html'
import type { NextScenario } from '../next-scenario'
import { scenarioParam } from '../next-scenario'
import type { MockIdpSite } from '../personality'
import { DEMO_DOMAIN, findScenario, SAML_SCENARIOS, unknownUserMessage } from '../scenarios'
import { decodeAuthnRequest } from './authn-request'
import { ssoErrorPage, type SsoRequestFault } from './error-page'
import { idpMetadataXml } from './metadata'
import { buildSamlResponse } from './response'

type Send = (res: ServerResponse, status: number, type: string, body: string) => void

/**
 * The SAML half of the mock IdP: metadata, the SSO endpoint (both bindings) with a login form, and the answer.
 * The outcome comes from, in order: a `scenario` query parameter on the SSO URL, the scenario scripted through
 * `POST /_admin/scenario`, the username (`<scenario>@demo.test`).
 */
export async function handleSaml(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  form: URLSearchParams,
  site: MockIdpSite,
  next: NextScenario,
  send: Send,
): Promise<boolean> {
  if (url.pathname === '/saml/metadata' && req.method === 'GET') {
    send(res, 200, 'application/samlmetadata+xml; charset=utf-8', idpMetadataXml(site))
    return true
  }
  // The personality's own SSO path; /saml/sso stays an alias so an SP configured against an older mock keeps working.
  if (url.pathname === site.samlSsoPath || url.pathname === '/saml/sso') {
    // A request the IdP refuses before any sign-in gets the personality's error page (Entra's AADSTS page, Okta's E-code).
    const refuse = (fault: SsoRequestFault, detail?: string) => {
      const p = ssoErrorPage(site.personality, fault, new Date(), detail)
      send(res, p.status, p.type, p.body)
      return true
    }
    if (req.method !== 'GET' && req.method !== 'POST') return refuse('method-not-allowed')
    const params = req.method === 'POST' ? form : url.searchParams
    const samlRequest = params.get('SAMLRequest')
    if (!samlRequest) return refuse('no-saml-request')
    const request = decodeAuthnRequest(samlRequest, req.method === 'POST' ? 'post' : 'redirect')
    if ('error' in request) return refuse('bad-authn-request', request.error)
    if (!/^https?:\/\//.test(request.acsUrl)) return refuse('bad-acs-url')
    const picked = scenarioParam(url.searchParams.get('scenario') ?? params.get('scenario'), SAML_SCENARIOS)
    if (picked === null) {
      send(
        res,
        400,
        'text/html; charset=utf-8',
        page(
          'Unknown scenario',
          `<h1>Unknown scenario</h1><p>The scenario query parameter names none of this mock's SAML scenarios.</p>${scenarioTable(SAML_SCENARIOS, DEMO_DOMAIN)}`,
        ),
      )
      return true
    }
    const hidden = {
      requestId: request.id,
      acsUrl: request.acsUrl,
      spEntityId: request.issuer,
      RelayState: params.get('RelayState') ?? '',
      ...(picked ? { scenario: picked.id } : {}),
    }
    send(res, 200, 'text/html; charset=utf-8', loginPage(hidden, request))
    return true
  }
  if (url.pathname === '/saml/login' && req.method === 'POST') {
    const username = (form.get('username') ?? '').trim()
    const acsUrl = form.get('acsUrl') ?? ''
    if (!/^https?:\/\//.test(acsUrl)) {
      send(
        res,
        400,
        'text/html; charset=utf-8',
        page('Bad ACS URL', '<h1>The AuthnRequest named no http(s) ACS URL</h1>'),
      )
      return true
    }
    // An explicitly picked scenario (query or admin) wins over the username, and then any non-empty name signs in.
    const explicit = scenarioParam(form.get('scenario'), SAML_SCENARIOS) ?? next.take('saml', SAML_SCENARIOS)
    const found = explicit ?? findScenario(username, SAML_SCENARIOS)
    if (!found || username === '') {
      // The same form again (the request's fields kept), with the names this IdP takes: a typo never passes as `ok`.
      const hidden = {
        requestId: form.get('requestId') ?? '',
        acsUrl,
        spEntityId: form.get('spEntityId') ?? '',
        RelayState: form.get('RelayState') ?? '',
        ...(explicit ? { scenario: explicit.id } : {}),
      }
      send(
        res,
        400,
        'text/html; charset=utf-8',
        loginPage(hidden, { issuer: hidden.spEntityId, acsUrl }, unknownUserMessage(username, SAML_SCENARIOS)),
      )
      return true
    }
    const scenario = found.id
    const xml = buildSamlResponse({
      site,
      scenario,
      username,
      now: new Date(),
      requestId: form.get('requestId') ?? '',
      acsUrl,
      spEntityId: form.get('spEntityId') ?? '',
    })
    const fields: Record<string, string> = { SAMLResponse: Buffer.from(xml, 'utf8').toString('base64') }
    const relayState = form.get('RelayState')
    if (relayState) fields.RelayState = relayState
    send(res, 200, 'text/html; charset=utf-8', autoPostForm(acsUrl, fields, 'Continue to the service provider'))
    return true
  }
  return false
}

function loginPage(
  hidden: Record<string, string>,
  request: { issuer: string; acsUrl: string },
  error?: string,
): string {
  const inputs = Object.entries(hidden)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('')
  return page(
    'Mock IdP sign-in (SAML)',
    `<h1>Sign in to the mock IdP (SAML)</h1>
<p>Service provider: <code>${esc(request.issuer)}</code><br>Answer goes to: <code>${esc(request.acsUrl)}</code></p>
${error ? `<p role="alert" class="error">${esc(error)}</p>` : ''}<form method="post" action="/saml/login">${inputs}
<label for="username">Username</label><input type="text" id="username" name="username" value="ok@${DEMO_DOMAIN}" autocomplete="off"${error ? ' aria-invalid="true"' : ''}>
<p>No password: the username picks what the IdP answers.</p><button type="submit">Sign in</button></form>
${scenarioTable(SAML_SCENARIOS, DEMO_DOMAIN)}`,
  )
}
