import type { IncomingMessage, ServerResponse } from 'node:http'
import type { OidcInteractionDetails, OidcProvider } from './types'
import { esc, page, scenarioTable } from '../html'
import { scenarioParam, type NextScenario } from '../next-scenario'
import { DEMO_DOMAIN, findScenario, OIDC_SCENARIOS, unknownUserMessage, USERNAME_TAG, usernameFor } from '../scenarios'
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from './provider'

type Send = (res: ServerResponse, status: number, type: string, body: string) => void

/**
 * The mock's own login page for oidc-provider: a Username field and a "Sign in" button. The outcome comes from, in
 * order: a `scenario` parameter on the authorization URL, the scenario scripted through `POST /_admin/scenario`, the
 * username. `path` is the request path below the OIDC mount (`/interaction/<uid>[/login]`); `mountPath` is the full path of that mount.
 */
export async function handleInteraction(
  provider: OidcProvider,
  issuer: string,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  mountPath: string,
  form: URLSearchParams,
  next: NextScenario,
  send: Send,
): Promise<boolean> {
  const m = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/.exec(path)
  if (!m) return false
  let details: OidcInteractionDetails
  try {
    details = await provider.interactionDetails(req, res)
  } catch {
    send(
      res,
      400,
      'text/html; charset=utf-8',
      page('Session expired', '<h1>This sign-in has expired</h1><p>Start the test login again.</p>'),
    )
    return true
  }
  if (!m[2] || req.method !== 'POST') {
    send(res, 200, 'text/html; charset=utf-8', loginPage(details, mountPath))
    return true
  }
  const username = (form.get('username') ?? '').trim().toLowerCase()
  const picked = scenarioParam(
    typeof details.params.scenario === 'string' ? details.params.scenario : undefined,
    OIDC_SCENARIOS,
  )
  if (picked === null) {
    send(
      res,
      400,
      'text/html; charset=utf-8',
      loginPage(
        details,
        mountPath,
        `The scenario parameter names none of this mock's OIDC scenarios: ${OIDC_SCENARIOS.map((s) => s.id).join(', ')}.`,
      ),
    )
    return true
  }
  const explicit = picked ?? next.take('oidc', OIDC_SCENARIOS)
  const scenario = explicit ?? findScenario(username, OIDC_SCENARIOS)
  if (!scenario || username === '') {
    // The same form again, with the names this IdP takes: a typo never passes as `ok`.
    send(
      res,
      400,
      'text/html; charset=utf-8',
      loginPage(details, mountPath, unknownUserMessage(username, OIDC_SCENARIOS)),
    )
    return true
  }
  if ('errorRedirect' in scenario && scenario.errorRedirect) {
    // As Entra and Okta do: back to the client's redirect URI with error and error_description (and state).
    const redirectUri = String(details.params.redirect_uri ?? '')
    const target = new URL(redirectUri)
    target.searchParams.set('error', scenario.errorRedirect.error)
    target.searchParams.set(
      'error_description',
      scenario.errorRedirect.description
        .replaceAll('REDIRECT', redirectUri)
        .replaceAll('CLIENT', String(details.params.client_id ?? '')),
    )
    if (typeof details.params.state === 'string') target.searchParams.set('state', details.params.state)
    target.searchParams.set('iss', issuer)
    res.writeHead(303, { Location: target.href }).end()
    return true
  }
  // The token and userinfo hooks read the scenario from the subject, so an explicit pick becomes the account name.
  const accountId = explicit ? usernameFor(explicit.id, tagOf(username)) : username
  await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false })
  return true
}

function loginPage(details: OidcInteractionDetails, mountPath: string, error?: string): string {
  return page(
    'Mock IdP sign-in (OIDC)',
    `<h1>Sign in to the mock IdP (OpenID Connect)</h1>
<p>Client: <code>${esc(String(details.params.client_id ?? ''))}</code>. Demo client ID <code>${DEMO_CLIENT_ID}</code>, secret <code>${DEMO_CLIENT_SECRET}</code>.</p>
${error ? `<p role="alert" class="error">${esc(error)}</p>` : ''}<form method="post" action="${esc(`${mountPath}/interaction/${details.uid}/login`)}">
<label for="username">Username</label><input type="text" id="username" name="username" value="ok@${DEMO_DOMAIN}" autocomplete="off"${error ? ' aria-invalid="true"' : ''}>
<p>No password: the username picks what the IdP answers.</p><button type="submit">Sign in</button></form>
${scenarioTable(OIDC_SCENARIOS, DEMO_DOMAIN)}`,
  )
}

/** `alice` from `ok+alice@demo.test` or from `alice@example.com`: keeps distinct users distinct under a picked scenario. */
function tagOf(username: string): string | undefined {
  const m = /^([^@+]+)(?:\+([^@]*))?@/.exec(username)
  const tag = m?.[2] ?? m?.[1]
  return tag && USERNAME_TAG.test(tag) ? tag : undefined
}
