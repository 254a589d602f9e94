import * as oc from 'openid-client'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { usernameFor } from '../mock-idp/scenarios'
import type { Finding } from '../findings/types'
import { BUILTIN_PROFILES } from '../profiles/index'
import { allowLoopbackForTests } from '../net/index'
import { reportIdpErrorPage } from './idp-error-page'
import { completeOidcTestLogin } from './oidc/callback'
import { errorRedirectFindings } from './oidc/error-redirect'
import { oidcRunSecretKey, startOidcTestLogin } from './oidc/start'
import { oidcErrorToFindings } from './oidc/to-findings'
import { completeSamlTestLogin, type AcsOutcome } from './saml/complete'
import { startSamlTestLogin } from './saml/start'
import {
  oidcCallbackUrl,
  openHarness,
  samlAnswer,
  TEST_ORIGIN,
  VENDOR_ACS_URL,
  type Harness,
} from '../../e2e/mock-idp/harness'

let h: Harness
beforeAll(async () => {
  h = await openHarness()
}, 60_000)
afterAll(async () => {
  await h?.close()
})

async function findingsOf(outcome: AcsOutcome): Promise<Finding[]> {
  if (outcome.kind === 'run') return (await h.store.runs.get(outcome.runId))?.report?.findings ?? []
  return (await h.store.savedReports.get(outcome.reportId))?.report.findings ?? []
}
const pick = (fs: Finding[], code: string) => fs.find((f) => f.code === code)
const tctx = {
  idp: 'okta' as const,
  clientId: 'client-1',
  issuer: 'https://idp.example.com',
  redirectUri: `${TEST_ORIGIN}/oidc/callback`,
}

describe('SAML test-login codes', () => {
  test('SAML_TEST_LOGIN_REPLAYED: the same response posted twice is refused the second time', async () => {
    const { form, runId } = await samlAnswer(h, usernameFor('ok'))
    const input = { samlResponse: form.SAMLResponse!, relayState: form.RelayState! }
    expect(await completeSamlTestLogin(input, { store: h.store })).toEqual({ kind: 'run', runId })
    const second = await completeSamlTestLogin(input, { store: h.store })
    expect(second.kind).toBe('report')
    const f = pick(await findingsOf(second), 'SAML_TEST_LOGIN_REPLAYED')
    expect(f).toMatchObject({
      owner: 'end-user',
      evidence: { firstResult: `/test-logins/${runId}`, actual: { relayState: runId } },
    })
  })

  test('a replay is saved in the workspace of the run it replays, where that team can read it', async () => {
    const owner = await h.store.team.upsertUser({
      issuer: 'https://x.example',
      subject: 'o',
      email: null,
      displayName: null,
    })
    const ws = await h.store.team.createWorkspace({ name: 'Support', ownerId: owner.id })
    const theirs = await h.store.connections.create({
      name: 'their SAML',
      protocol: 'saml',
      profileId: h.saml.profileId,
      config: h.saml.config,
      workspaceId: ws.id,
    })
    const { form, runId } = await samlAnswer(h, usernameFor('ok'), theirs)
    expect((await h.store.runs.get(runId))?.workspaceId).toBe(ws.id)
    const input = { samlResponse: form.SAMLResponse!, relayState: form.RelayState! }
    await completeSamlTestLogin(input, { store: h.store })
    const second = await completeSamlTestLogin(input, { store: h.store })
    if (second.kind !== 'report') throw new Error('expected a report')
    expect((await h.store.savedReports.get(second.reportId, ws.id))?.workspaceId).toBe(ws.id)
    expect(await h.store.savedReports.get(second.reportId, 'local')).toBeNull()
  })

  test('SAML_TEST_LOGIN_RUN_NOT_FOUND: an answer to no request of ours (and no RelayState)', async () => {
    const { form } = await samlAnswer(h, usernameFor('wrong-inresponseto'))
    const f = pick(
      await findingsOf(
        await completeSamlTestLogin({ samlResponse: form.SAMLResponse!, relayState: '' }, { store: h.store }),
      ),
      'SAML_TEST_LOGIN_RUN_NOT_FOUND',
    )
    expect(f?.owner).toBe('end-user')
    expect(f?.evidence.actual).toMatchObject({ relayState: null })
  })

  test('SAML_TEST_LOGIN_RUN_EXPIRED: an answer after the 10-minute deadline', async () => {
    const { form } = await samlAnswer(h, usernameFor('ok'))
    const late = new Date(Date.now() + 11 * 60_000)
    const f = pick(
      await findingsOf(
        await completeSamlTestLogin(
          { samlResponse: form.SAMLResponse!, relayState: form.RelayState! },
          { store: h.store, now: late },
        ),
      ),
      'SAML_TEST_LOGIN_RUN_EXPIRED',
    )
    expect(f).toMatchObject({ owner: 'end-user', evidence: { actual: late.toISOString() } })
  })

  test('SAML_TEST_LOGIN_NO_RESPONSE: a POST without SAMLResponse still ends its run', async () => {
    const { runId } = await samlAnswer(h, usernameFor('ok'))
    const out = await completeSamlTestLogin({ samlResponse: '', relayState: runId }, { store: h.store })
    expect(out).toEqual({ kind: 'run', runId })
    expect(pick(await findingsOf(out), 'SAML_TEST_LOGIN_NO_RESPONSE')).toMatchObject({
      owner: 'idp',
      evidence: { expected: 'a SAMLResponse form field', actual: 'none' },
    })
  })

  test('SAML_TEST_LOGIN_RELAY_STATE_MISMATCH: the IdP replaced the RelayState', async () => {
    const { form, runId } = await samlAnswer(h, usernameFor('ok'))
    const f = pick(
      await findingsOf(
        await completeSamlTestLogin(
          { samlResponse: form.SAMLResponse!, relayState: 'default-relay-state' },
          { store: h.store },
        ),
      ),
      'SAML_TEST_LOGIN_RELAY_STATE_MISMATCH',
    )
    expect(f).toMatchObject({
      owner: 'idp',
      severity: 'warning',
      evidence: { expected: runId, actual: 'default-relay-state' },
    })
  })

  test('SAML_TEST_LOGIN_VENDOR_ACS: a passing login reminds which reply URL the vendor needs', async () => {
    const { form } = await samlAnswer(h, usernameFor('ok'))
    const f = pick(
      await findingsOf(
        await completeSamlTestLogin(
          { samlResponse: form.SAMLResponse!, relayState: form.RelayState! },
          { store: h.store },
        ),
      ),
      'SAML_TEST_LOGIN_VENDOR_ACS',
    )
    expect(f).toMatchObject({
      owner: 'idp',
      severity: 'info',
      evidence: { expected: VENDOR_ACS_URL, actual: `${TEST_ORIGIN}/saml/acs` },
    })
  })

  test('SAML_TEST_LOGIN_METADATA_UNUSABLE: metadata that is not an IdP', async () => {
    const c = await h.store.connections.create({
      name: 'broken',
      protocol: 'saml',
      profileId: 'autodesk',
      config: { idpMetadataXml: '<not-metadata/>', spEntityId: 'https://www.okta.com/saml2/service-provider/sp1' },
    })
    const started = await startSamlTestLogin(c, { store: h.store, origin: TEST_ORIGIN })
    expect(started.ok).toBe(false)
    const f = pick(await findingsOf({ kind: 'run', runId: started.runId }), 'SAML_TEST_LOGIN_METADATA_UNUSABLE')
    expect(f?.owner).toBe('idp')
    expect(f?.evidence.actual).toEqual(expect.any(Array))
  })

  test('SAML_TEST_LOGIN_NO_SSO_ENDPOINT: only a plain-http, non-loopback SSO URL', async () => {
    const md = (await (await fetch(h.idp.samlMetadataUrl)).text()).replaceAll(
      `${h.idp.base}/saml/sso`,
      'http://idp.example.com/sso',
    )
    const c = await h.store.connections.create({
      name: 'http only',
      protocol: 'saml',
      profileId: 'autodesk',
      config: { idpMetadataXml: md, spEntityId: 'https://www.okta.com/saml2/service-provider/sp1' },
    })
    const started = await startSamlTestLogin(c, { store: h.store, origin: TEST_ORIGIN })
    expect(started.ok).toBe(false)
    expect(
      pick(await findingsOf({ kind: 'run', runId: started.runId }), 'SAML_TEST_LOGIN_NO_SSO_ENDPOINT')?.evidence.actual,
    ).toEqual([
      { binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', location: 'http://idp.example.com/sso' },
      { binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', location: 'http://idp.example.com/sso' },
    ])
  })

  test('SAML_TEST_LOGIN_SP_ENTITY_ID_MISSING: no vendor entity ID to put in the Issuer', async () => {
    const c = await h.store.connections.create({
      name: 'no sp',
      protocol: 'saml',
      profileId: 'autodesk',
      config: { idpMetadataXml: h.saml.config.idpMetadataXml! },
    })
    const started = await startSamlTestLogin(c, { store: h.store, origin: TEST_ORIGIN })
    expect(started.ok).toBe(false)
    expect(
      pick(await findingsOf({ kind: 'run', runId: started.runId }), 'SAML_TEST_LOGIN_SP_ENTITY_ID_MISSING'),
    ).toMatchObject({
      owner: 'vendor',
      evidence: {
        expected: 'https://www.okta.com/saml2/service-provider/<sp-id>',
        actual: null,
        where: BUILTIN_PROFILES.autodesk.vendor!.spValues.shownAt.join(' › '),
      },
    })
    const f = pick(await findingsOf({ kind: 'run', runId: started.runId }), 'SAML_TEST_LOGIN_SP_ENTITY_ID_MISSING')!
    // The vendor console has no "Admin › Security › SSO"; the path comes from the profile, the text names no vendor.
    expect(`${f.detail} ${f.nextStep} ${f.evidence.where}`).not.toMatch(/Admin › Security/)
    expect(`${f.detail} ${f.nextStep}`).not.toMatch(new RegExp(BUILTIN_PROFILES.autodesk.vendor!.name))
    expect(f.evidence.where).toMatch(/Team settings › Single sign-on \(SSO\) › Manage SSO/)
  })

  test('SAML_TEST_LOGIN_IDP_ERROR_PAGE: the admin reports an AADSTS page; the known code gets its own finding', async () => {
    const started = await startSamlTestLogin(h.saml, { store: h.store, origin: TEST_ORIGIN })
    const text =
      "AADSTS50011: The reply URL 'http://localhost:3199/saml/acs' specified in the request does not match the reply URLs configured for the application."
    expect(await reportIdpErrorPage(started.runId, text, { store: h.store })).toBe(true)
    const fs = await findingsOf({ kind: 'run', runId: started.runId })
    expect(pick(fs, 'SAML_TEST_LOGIN_IDP_ERROR_PAGE')).toMatchObject({ owner: 'idp', evidence: { actual: text } })
    expect(pick(fs, 'TRIAGE_AADSTS50011')).toBeDefined()
    expect(await reportIdpErrorPage(started.runId, text, { store: h.store })).toBe(false)
  })
})

describe('OIDC test-login codes', () => {
  test('OIDC_TEST_LOGIN_REPLAYED: the callback opened twice', async () => {
    const { url, runId } = await oidcCallbackUrl(h, usernameFor('ok'))
    expect(await completeOidcTestLogin(url, { store: h.store })).toEqual({ kind: 'run', runId })
    const f = pick(await findingsOf(await completeOidcTestLogin(url, { store: h.store })), 'OIDC_TEST_LOGIN_REPLAYED')
    expect(f).toMatchObject({ owner: 'end-user', evidence: { firstResult: `/test-logins/${runId}` } })
  })

  test('OIDC_TEST_LOGIN_RUN_NOT_FOUND: an unknown state', async () => {
    const f = pick(
      await findingsOf(
        await completeOidcTestLogin(new URL(`${TEST_ORIGIN}/oidc/callback?code=abc&state=unknown`), { store: h.store }),
      ),
      'OIDC_TEST_LOGIN_RUN_NOT_FOUND',
    )
    expect(f).toMatchObject({ owner: 'end-user', evidence: { actual: { state: 'unknown' } } })
  })

  test('OIDC_TEST_LOGIN_RUN_EXPIRED: a callback after the deadline', async () => {
    const { url } = await oidcCallbackUrl(h, usernameFor('ok'))
    const late = new Date(Date.now() + 11 * 60_000)
    expect(
      pick(
        await findingsOf(await completeOidcTestLogin(url, { store: h.store, now: late })),
        'OIDC_TEST_LOGIN_RUN_EXPIRED',
      )?.evidence.actual,
    ).toBe(late.toISOString())
  })

  test('OIDC_TEST_LOGIN_SECRET_UNAVAILABLE: the secret is gone (expired, used) or another browser presents the callback', async () => {
    const other = await oidcCallbackUrl(h, usernameFor('ok'))
    expect(
      pick(
        await findingsOf(await completeOidcTestLogin(other.url, { store: h.store, browserHash: 'another-browser' })),
        'OIDC_TEST_LOGIN_SECRET_UNAVAILABLE',
      )?.owner,
    ).toBe('end-user')
    const { url, runId } = await oidcCallbackUrl(h, usernameFor('ok'))
    await h.store.loginSecrets.delete(oidcRunSecretKey(runId))
    expect(
      pick(await findingsOf(await completeOidcTestLogin(url, { store: h.store })), 'OIDC_TEST_LOGIN_SECRET_UNAVAILABLE')
        ?.owner,
    ).toBe('end-user')
  })

  test('OIDC_TEST_LOGIN_CALLBACK_INVALID: neither code nor error', async () => {
    const { url } = await oidcCallbackUrl(h, usernameFor('ok'))
    url.searchParams.delete('code')
    expect(
      pick(await findingsOf(await completeOidcTestLogin(url, { store: h.store })), 'OIDC_TEST_LOGIN_CALLBACK_INVALID'),
    ).toMatchObject({ owner: 'idp', evidence: { actual: ['state', 'iss'] } })
  })

  test('OIDC_TEST_LOGIN_DISCOVERY_FAILED: nothing answers at the issuer', async () => {
    const c = await h.store.connections.create({
      name: 'down',
      protocol: 'oidc',
      profileId: 'generic',
      config: { issuer: 'http://127.0.0.1:9/oidc', clientId: 'x' },
    })
    const started = await startOidcTestLogin(c, {
      store: h.store,
      origin: TEST_ORIGIN,
      clientSecret: 's',
      fetchOptions: { [allowLoopbackForTests]: true },
    })
    expect(started.ok).toBe(false)
    const fs = await findingsOf({ kind: 'run', runId: started.runId })
    expect(pick(fs, 'OIDC_TEST_LOGIN_DISCOVERY_FAILED')).toMatchObject({
      owner: 'idp',
      evidence: { expected: 'http://127.0.0.1:9/oidc/.well-known/openid-configuration' },
    })
    expect(fs.some((f) => f.code.startsWith('NET_'))).toBe(true)
  })

  test('OIDC_CLIENT_SECRET_INVALID from the token endpoint: a wrong secret typed for the run', async () => {
    const { url } = await oidcCallbackUrl(h, usernameFor('ok'), 'wrong-secret')
    expect(
      pick(await findingsOf(await completeOidcTestLogin(url, { store: h.store })), 'OIDC_CLIENT_SECRET_INVALID'),
    ).toMatchObject({ owner: 'idp', evidence: { actual: { error: 'invalid_client' } } })
  })

  test('OIDC_TOKEN_EXCHANGE_FAILED: a code the IdP does not know', async () => {
    const { url } = await oidcCallbackUrl(h, usernameFor('ok'))
    url.searchParams.set('code', 'not-a-code')
    expect(
      pick(await findingsOf(await completeOidcTestLogin(url, { store: h.store })), 'OIDC_TOKEN_EXCHANGE_FAILED'),
    ).toMatchObject({ owner: 'idp', evidence: { actual: { error: 'invalid_grant' } } })
  })

  test('OIDC_AUTHORIZE_ACCESS_DENIED and OIDC_AUTHORIZE_ERROR for plain OAuth errors', () => {
    expect(errorRedirectFindings({ error: 'access_denied' }, { idp: 'other', redirectUri: 'r' })[0]).toMatchObject({
      code: 'OIDC_AUTHORIZE_ACCESS_DENIED',
      owner: 'idp',
      evidence: { actual: { error: 'access_denied' } },
    })
    expect(
      errorRedirectFindings({ error: 'server_error', error_description: 'boom' }, { idp: 'okta', redirectUri: 'r' })[0],
    ).toMatchObject({
      code: 'OIDC_AUTHORIZE_ERROR',
      owner: 'idp',
      evidence: {
        expected: 'an authorization code for the test user',
        actual: { error: 'server_error', error_description: 'boom' },
      },
    })
  })

  test('an AADSTS code without an OIDC finding uses the triage catalog’s entry', () => {
    expect(
      errorRedirectFindings(
        {
          error: 'interaction_required',
          error_description:
            'AADSTS50076: Due to a configuration change made by your administrator ... you must use multi-factor authentication',
        },
        { idp: 'other', redirectUri: 'r' },
      )[0]?.code,
    ).toBe('TRIAGE_AADSTS50076')
  })

  test('OIDC_STATE_MISMATCH, OIDC_TOKEN_NO_ID_TOKEN and OIDC_CLIENT_REJECTED from openid-client errors', () => {
    const state = new oc.ClientError('invalid response encountered', {
      code: 'OAUTH_INVALID_RESPONSE',
      cause: Object.assign(new Error('unexpected "state" response parameter value'), {
        cause: { expected: 'abc', parameters: new URLSearchParams('state=xyz') },
      }),
    } as ErrorOptions)
    expect(oidcErrorToFindings(state, tctx)[0]).toMatchObject({
      code: 'OIDC_STATE_MISMATCH',
      owner: 'idp',
      evidence: { expected: 'abc', actual: 'xyz' },
    })
    const noId = new oc.ClientError('invalid response encountered', {
      code: 'OAUTH_INVALID_RESPONSE',
      cause: new Error('"response" body "id_token" property must be a string'),
    } as ErrorOptions)
    expect(oidcErrorToFindings(noId, tctx)[0]).toMatchObject({ code: 'OIDC_TOKEN_NO_ID_TOKEN', owner: 'idp' })
    const other = new oc.ClientError('unexpected HTTP response status code', {
      code: 'OAUTH_RESPONSE_IS_NOT_CONFORM',
    } as ErrorOptions)
    expect(oidcErrorToFindings(other, tctx)[0]).toMatchObject({
      code: 'OIDC_CLIENT_REJECTED',
      owner: 'idp',
      evidence: { actual: { code: 'OAUTH_RESPONSE_IS_NOT_CONFORM' } },
    })
    expect(oidcErrorToFindings(new TypeError('boom'), tctx)[0]).toMatchObject({
      code: 'OIDC_CLIENT_REJECTED',
      evidence: { actual: { code: 'TypeError', message: 'boom' } },
    })
  })

  test('ID token claim and time failures carry both values', () => {
    const aud = new oc.ClientError('unexpected JWT claim value encountered', {
      code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
      cause: Object.assign(new Error('unexpected "aud" claim value'), {
        cause: { claim: 'aud', expected: 'client-1', claims: { aud: 'other' } },
      }),
    } as ErrorOptions)
    expect(oidcErrorToFindings(aud, tctx)[0]).toMatchObject({
      code: 'OIDC_ID_TOKEN_AUDIENCE_MISMATCH',
      evidence: { expected: 'client-1', actual: 'other' },
    })
    const exp = new oc.ClientError('JWT timestamp claim value failed validation', {
      code: 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED',
      cause: Object.assign(new Error('"exp" claim timestamp check failed'), {
        cause: { claim: 'exp', now: 2_000_000_000, tolerance: 30, claims: { exp: 1_999_999_000 } },
      }),
    } as ErrorOptions)
    expect(oidcErrorToFindings(exp, tctx)[0]).toMatchObject({
      code: 'OIDC_ID_TOKEN_EXPIRED',
      evidence: { actual: new Date(1_999_999_000_000).toISOString(), toleranceSeconds: 30 },
    })
  })

  test('the client secret is never in the stored run', async () => {
    const started = await startOidcTestLogin(h.oidc, {
      store: h.store,
      origin: TEST_ORIGIN,
      clientSecret: 'super-secret-value-123',
      fetchOptions: { [allowLoopbackForTests]: true },
    })
    expect(started.ok).toBe(true)
    const run = await h.store.runs.get(started.runId)
    expect(JSON.stringify(run)).not.toContain('super-secret-value-123')
  })
})
