import { idpCodesIn } from '../findings/catalog/idp-error-codes'
import { finding } from '../findings/finding'
import { detectIdp } from '../idps/detect'
import { buildReport, type Report } from '../findings/report'
import type { Store } from '../store/index'
import { idpErrorCodeFindings } from './idp-error-codes'
import { errorRedirectFindings, idpKindFromIssuer } from './oidc/error-redirect'
import { oidcRunSecretKey } from './oidc/start'
import { step } from './timeline'

/**
 * The IdP showed an error page and never came back (Entra's AADSTS pages do that for a wrong reply URL or an
 * unknown app). The admin pastes what the page said; the run ends as failed with what that error means.
 * Returns false when the run is not pending any more.
 */
export async function reportIdpErrorPage(
  runId: string,
  text: string,
  o: { store: Store; now?: Date },
): Promise<boolean> {
  const now = o.now ?? new Date()
  const run = await o.store.runs.get(runId)
  if (!run || run.status !== 'pending') return false
  const consumed = await o.store.runs.consume(run.stateKey)
  if (!consumed) return false
  await o.store.loginSecrets.delete(oidcRunSecretKey(run.id))
  const message = text.trim().slice(0, 2000)
  const issuer = typeof run.pending?.issuer === 'string' ? run.pending.issuer : undefined
  // An IdP code names its IdP (AADSTS → Entra, E0000… → Okta); otherwise what the page says, then the run's issuer.
  const fromPage = detectIdp({ errorPage: message }).idp
  const idp = idpCodesIn(message)[0]?.idp ?? (fromPage !== 'other' ? fromPage : idpKindFromIssuer(issuer))
  const known =
    run.protocol === 'oidc'
      ? errorRedirectFindings(
          { error: 'error_page', error_description: message },
          { idp, redirectUri: String(run.pending?.redirectUri ?? '') },
        ).filter((f) => f.code !== 'OIDC_AUTHORIZE_ERROR')
      : idpErrorCodeFindings(message, { idp, where: 'IdP error page' })
  const findings = [
    finding(
      'SAML_TEST_LOGIN_IDP_ERROR_PAGE',
      {
        expected: 'the IdP’s answer at the callback / ACS',
        actual: message || '(nothing pasted)',
        where: 'IdP error page',
      },
      { idp },
    ),
    ...known,
  ]
  const timeline = [
    ...run.timeline,
    step('error', 'The IdP showed an error page (reported by the admin)', { at: now, data: { message } }),
  ]
  const report: Report = {
    ...buildReport({
      subject: {
        kind: run.protocol === 'oidc' ? 'oidc-test-login' : 'saml-test-login',
        idp,
        source: 'test login (IdP error page)',
      },
      profile: 'generic',
      now,
      findings,
    }),
    timeline,
  }
  await o.store.runs.complete(run.id, { status: 'failed', report, timeline })
  return true
}
