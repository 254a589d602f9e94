import { claimPath, completeSamlTestLogin } from '@/lib/testlogin'
import { getStore } from '@/lib/store'
import { originOf } from '@/app/connections/_server/http'
import { readCappedForm } from '@/app/test-logins/_ui/read-form'
import { BODY_LIMITS } from '@/app/_server/body-limits'
import { rateLimit } from '@/app/_server/rate-limit'

const MAX_FORM_BYTES = BODY_LIMITS.samlAcs

/**
 * POST /saml/acs — the IdP's answer (HTTP-POST binding). Always a 303: to the run's claim step, or to a report
 * when the answer matched no run (replay, unknown). The IdP's POST is cross-site, so no Lax cookie arrives here:
 * the result is bound to the browser on the same-site redirect that follows.
 */
export async function POST(request: Request): Promise<Response> {
  const limited = await rateLimit(request, 'saml-acs')
  if (limited) return limited
  // An oversized body reads as an empty form: the run still ends, with SAML_TEST_LOGIN_NO_RESPONSE.
  const form = await readCappedForm(request, MAX_FORM_BYTES).catch(() => undefined)
  const samlResponse = form?.get('SAMLResponse') ?? ''
  const relayState = (form?.get('RelayState') ?? '').slice(0, 200)
  const outcome = await completeSamlTestLogin({ samlResponse, relayState }, { store: await getStore() })
  const origin = originOf(request.url)
  const target =
    outcome.kind === 'run' ? claimPath(outcome.runId) : `/test-logins/${encodeURIComponent(outcome.reportId)}`
  return Response.redirect(new URL(target, origin), 303)
}

/** A GET here is a misconfigured IdP (or a bookmark): say how to start instead of a bare 405. */
export function GET(): Response {
  return new Response(
    'This is SSO Preflight’s SAML ACS: the IdP posts SAMLResponse here. Start a test login from a connection page.',
    {
      status: 405,
      headers: { allow: 'POST', 'content-type': 'text/plain; charset=utf-8' },
    },
  )
}
