import './store-env'
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { GET as getOne } from '@/app/api/connections/[id]/route'
import { POST } from '@/app/api/connections/route'
import { buildReport, finding, type Finding } from '@/lib/findings'
import { getStore } from '@/lib/store'

// Issue 9: the go / no-go over a connection's runs, as GET /api/connections/:id serves it.
const ORIGIN = 'http://localhost:3106'
const ENTRA_METADATA = readFileSync(
  new URL(
    '../../../shared/fixtures/real/saml-metadata/entra/ssoready-entra-app-federationmetadata.xml',
    import.meta.url,
  ),
  'utf8',
)

const post = (body: unknown) =>
  POST(
    new Request(`${ORIGIN}/api/connections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  )
const params = (id: string) => ({ params: Promise.resolve({ id }) })
const detailOf = async (id: string) => (await getOne(new Request(`${ORIGIN}/api/connections/${id}`), params(id))).json()

let n = 0
async function finishRun(connectionId: string, o: { user: string | null; findings?: Finding[] }) {
  const store = await getStore()
  const run = await store.runs.create({ connectionId, protocol: 'saml', stateKey: `_verdict-${connectionId}-${++n}` })
  const findings = o.findings ?? []
  const report = buildReport({
    subject: { kind: 'saml-test-login', idp: 'entra' },
    profile: 'autodesk',
    now: new Date(),
    findings,
  })
  await store.runs.complete(run.id, {
    status: findings.some((f) => f.severity === 'error') ? 'failed' : 'completed',
    report,
    testUser: o.user,
  })
  // Completion times must differ for the order to be the order of the runs.
  await new Promise((r) => setTimeout(r, 5))
  return run.id
}

describe('GET /api/connections/:id: the go / no-go keeps every failure', () => {
  test('demo SAML: authncontext-mismatch, status-authnfailed (both refused before a NameID), then ok: the vendor blocker is still there', async () => {
    const { id } = await (
      await post({ protocol: 'saml', metadataXml: ENTRA_METADATA, connectionId: 'verdict01' })
    ).json()
    const refused = await finishRun(id, {
      user: null,
      findings: [
        finding('SAML_STATUS_NO_AUTHN_CONTEXT', { expected: 'Success', actual: 'NoAuthnContext' }, { idp: 'entra' }),
        finding('TRIAGE_AADSTS75011', { actual: 'AADSTS75011' }, { idp: 'entra' }),
      ],
    })
    await finishRun(id, {
      user: null,
      findings: [finding('SAML_STATUS_AUTHN_FAILED', { expected: 'Success', actual: 'AuthnFailed' }, { idp: 'entra' })],
    })
    await finishRun(id, { user: 'ok@demo.test' })

    const { goNoGo } = await detailOf(id)
    expect(goNoGo.verdict).toBe('no-go')
    expect(goNoGo.failingUsers).toEqual([
      expect.objectContaining({ user: '(not identified)', runId: refused, endUserOnly: false }),
    ])
    expect(goNoGo.blocking.vendor.map((b: { code: string }) => b.code)).toEqual(
      expect.arrayContaining(['SAML_STATUS_NO_AUTHN_CONTEXT', 'TRIAGE_AADSTS75011']),
    )
    expect(goNoGo.matrix).toMatchObject({ unidentifiedFailures: 2, unidentifiedOpen: 1 })
    expect(goNoGo.matrix.users).toEqual([
      expect.objectContaining({ user: expect.stringMatching(/^…·[0-9a-f]{6}@demo\.test$/), outcome: 'passed' }),
    ])
    expect(goNoGo).toMatchObject({ distinctPassingUsers: 1, target: 30, vendorName: 'Autodesk' })
  })

  test('three users failing in turn are all listed; one run with four namespaced attributes counts one user', async () => {
    const { id } = await (
      await post({ protocol: 'saml', metadataXml: ENTRA_METADATA, connectionId: 'verdict02' })
    ).json()
    await finishRun(id, {
      user: 'entra-claims@demo.test',
      findings: ['givenname', 'surname', 'emailaddress', 'name'].map((c) =>
        finding(
          'SAML_ATTRIBUTE_NAMESPACED',
          { actual: `http://schemas.xmlsoap.org/ws/2005/05/identity/claims/${c}` },
          { idp: 'entra' },
        ),
      ),
    })
    await finishRun(id, {
      user: 'expired-cert@demo.test',
      findings: [finding('CERT_EXPIRED', { actual: 'expired' }, { idp: 'entra' })],
    })
    await finishRun(id, {
      user: 'wrong-audience@demo.test',
      findings: [finding('SAML_AUDIENCE_MISMATCH', { expected: 'a', actual: 'b' }, { idp: 'entra' })],
    })
    const { goNoGo } = await detailOf(id)
    expect(goNoGo.failingUsers).toHaveLength(3)
    expect(goNoGo.blocking.idp).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'SAML_ATTRIBUTE_NAMESPACED', users: 1 })]),
    )
    expect(goNoGo.matrix.users).toHaveLength(3)
  })

  test('a run abandoned at the IdP shows as abandoned and counts as nothing', async () => {
    const { id } = await (
      await post({ protocol: 'saml', metadataXml: ENTRA_METADATA, connectionId: 'verdict03' })
    ).json()
    const store = await getStore()
    // The test login's deadline for the IdP's answer has passed; the row itself is kept a little longer.
    const run = await store.runs.create({
      connectionId: id,
      protocol: 'saml',
      stateKey: `_abandoned-${id}`,
      pending: { deadline: new Date(Date.now() - 1000).toISOString() },
    })
    await store.runs.create({
      connectionId: id,
      protocol: 'saml',
      stateKey: `_waiting-${id}`,
      pending: { deadline: new Date(Date.now() + 600_000).toISOString() },
    })
    const detail = await detailOf(id)
    expect(detail.runs).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: run.id, status: 'pending', state: 'abandoned' })]),
    )
    expect(detail.runs.map((r: { state: string }) => r.state).sort()).toEqual(['abandoned', 'waiting'])
    expect(detail.goNoGo).toMatchObject({
      verdict: 'no-go',
      runsConsidered: 0,
      failingUsers: [],
      matrix: { abandonedRuns: 1, waitingRuns: 1 },
    })
  })
})

describe('POST /api/connections refuses placeholder values (bug 9)', () => {
  test("the vendor guide's placeholder Reply URL is a 400 that names the placeholder", async () => {
    const res = await post({
      protocol: 'saml',
      metadataXml: ENTRA_METADATA,
      acsUrl: 'https://autodesk-prod.okta.com/sso/saml2/1',
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(await res.json())).toMatch(/placeholder/)
  })
})
