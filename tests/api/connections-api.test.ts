import './store-env'
import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, test } from 'vitest'
import { DELETE, GET as getOne } from '@/app/api/connections/[id]/route'
import { GET as list, POST } from '@/app/api/connections/route'
import { GET as getRun } from '@/app/api/runs/[id]/route'
import { buildReport, finding, ReportSchema } from '@/lib/findings'
import { closeStore, getStore } from '@/lib/store'

const ORIGIN = 'http://localhost:3106'
const ENTRA_METADATA = readFileSync(
  new URL(
    '../../../shared/fixtures/real/saml-metadata/entra/ssoready-entra-app-federationmetadata.xml',
    import.meta.url,
  ),
  'utf8',
)

const SP_METADATA =
  '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://www.okta.com/saml2/service-provider/spa1b2c3">' +
  '<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:AssertionConsumerService' +
  ' Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://autodesk-prod.okta.com/sso/saml2/0oad4e5f6" index="0" isDefault="true"/></md:SPSSODescriptor></md:EntityDescriptor>'

const post = (body: unknown, raw?: string) =>
  POST(
    new Request(`${ORIGIN}/api/connections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: raw ?? JSON.stringify(body),
    }),
  )
const params = (id: string) => ({ params: Promise.resolve({ id }) })
const get = (id: string) => getOne(new Request(`${ORIGIN}/api/connections/${id}`), params(id))

afterAll(async () => {
  await closeStore()
})

describe('POST /api/connections', () => {
  test('creates a SAML connection from real Entra metadata: 201 with the URLs and the static report', async () => {
    const res = await post({
      protocol: 'saml',
      profileId: 'autodesk',
      metadataXml: ENTRA_METADATA,
      connectionId: 'abc123',
    })
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(body).toMatchObject({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      testLoginUrl: `${ORIGIN}/connections/${body.id}/test-login`,
      acsUrl: `${ORIGIN}/saml/acs`,
      spMetadataUrl: `${ORIGIN}/saml/metadata/${body.id}`,
      redirectUri: `${ORIGIN}/oidc/callback`,
    })
    expect(res.headers.get('location')).toBe(`${ORIGIN}/api/connections/${body.id}`)
    // The static check runs when the metadata analyzer is in the build; otherwise the connection is still saved.
    if (body.staticReport) expect(ReportSchema.safeParse(body.staticReport).success).toBe(true)
    else expect(body.staticCheckMessage).toMatch(/not available/)
  })

  test.each([
    ['not JSON', undefined, '{nope'],
    ['an array', [], undefined],
    ['no protocol', { metadataXml: '<x/>' }, undefined],
    ['SAML without metadata', { protocol: 'saml' }, undefined],
    [
      'a client secret',
      { protocol: 'oidc', profileId: 'generic', issuer: 'https://idp.example.com', clientId: 'c', clientSecret: 's' },
      undefined,
    ],
  ])('400, never a 500, for %s', async (_name, body, raw) => {
    const res = await post(body, raw)
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: 'ERR_USAGE' })
  })

  test('spMetadataXml fills both SP values, each with its own ID; a connection ID alone fills neither', async () => {
    const withMd = await (
      await post({ protocol: 'saml', metadataXml: ENTRA_METADATA, spMetadataXml: SP_METADATA })
    ).json()
    expect((await (await get(withMd.id)).json()).connection.config).toMatchObject({
      spEntityId: 'https://www.okta.com/saml2/service-provider/spa1b2c3',
      acsUrl: 'https://autodesk-prod.okta.com/sso/saml2/0oad4e5f6',
    })
    const idOnly = await (await post({ protocol: 'saml', metadataXml: ENTRA_METADATA, connectionId: 'abc123' })).json()
    const config = (await (await get(idOnly.id)).json()).connection.config
    expect([config.spEntityId, config.acsUrl]).toEqual([undefined, undefined])
  })

  test('400 for SP metadata that is not SP metadata (the IdP metadata pasted twice), with the field named', async () => {
    const res = await post({ protocol: 'saml', metadataXml: ENTRA_METADATA, spMetadataXml: ENTRA_METADATA })
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.issues.properties.spMetadataXml.errors.join(' ')).toMatch(/no SPSSODescriptor/)
  })

  test('400 lists the zod issues by field', async () => {
    const res = await post({ protocol: 'oidc', profileId: 'generic' })
    const body = await res.json()
    expect(Object.keys(body.issues.properties)).toEqual(expect.arrayContaining(['issuer', 'clientId']))
  })
})

describe('GET / DELETE /api/connections/:id', () => {
  test('returns the connection without secrets, its runs and the go / no-go; DELETE removes it and its runs', async () => {
    const created = await (
      await post({
        protocol: 'saml',
        metadataXml: ENTRA_METADATA,
        connectionId: 'xyz789',
        name: 'Contoso',
        spMetadataXml: SP_METADATA,
      })
    ).json()
    const store = await getStore()
    const run = await store.runs.create({ connectionId: created.id, protocol: 'saml', stateKey: `_api-${created.id}` })
    const report = buildReport({
      subject: { kind: 'saml-test-login', idp: 'entra' },
      profile: 'autodesk',
      now: new Date(),
      findings: [finding('CERT_EXPIRED', { expected: 'valid', actual: 'expired' }, { idp: 'entra' })],
      facts: { nameId: 'pat@contoso.com' },
    })
    await store.runs.complete(run.id, { status: 'completed', report, testUser: 'pat@contoso.com' })

    const res = await get(created.id)
    expect(res.status).toBe(200)
    const detail = await res.json()
    expect(detail.connection).toMatchObject({
      id: created.id,
      name: 'Contoso',
      protocol: 'saml',
      profileId: 'autodesk',
    })
    expect(detail.connection.config).toMatchObject({
      connectionId: 'xyz789',
      spEntityId: 'https://www.okta.com/saml2/service-provider/spa1b2c3',
      acsUrl: 'https://autodesk-prod.okta.com/sso/saml2/0oad4e5f6',
    })
    expect(detail.connection.config.idpMetadataXml).toBeUndefined()
    expect(detail.connection.config.idpMetadataXmlBytes).toBe(Buffer.byteLength(ENTRA_METADATA))
    expect(detail.runs).toEqual([
      expect.objectContaining({
        id: run.id,
        status: 'completed',
        testUser: expect.stringMatching(/^…·[0-9a-f]{6}@contoso\.com$/),
        errorCodes: ['CERT_EXPIRED'],
      }),
    ])
    expect(detail.goNoGo).toMatchObject({ verdict: 'no-go', distinctPassingUsers: 0, target: 30 })
    expect(JSON.stringify(detail)).not.toContain('pat@contoso.com')

    const runRes = await getRun(new Request(`${ORIGIN}/api/runs/${run.id}`), params(run.id))
    expect(runRes.status).toBe(200)
    // The NameID in the run's report and the user in the runs table are the same masked value.
    const exported = await runRes.json()
    expect(exported.facts).toEqual({ nameId: detail.runs[0].testUser, runId: run.id })
    // The export stands alone (issue 9): the run's connection and masked user are written into it.
    expect(exported.subject).toMatchObject({
      connectionId: created.id,
      connectionName: 'Contoso',
      testUser: detail.runs[0].testUser,
    })

    expect((await list(new Request(`${ORIGIN}/api/connections`))).status).toBe(200)
    expect(
      (await DELETE(new Request(`${ORIGIN}/api/connections/${created.id}`, { method: 'DELETE' }), params(created.id)))
        .status,
    ).toBe(204)
    expect((await get(created.id)).status).toBe(404)
    expect((await getRun(new Request(`${ORIGIN}/api/runs/${run.id}`), params(run.id))).status).toBe(404)
  })

  test('unknown ids are 404 JSON', async () => {
    const res = await get('does-not-exist-at-all')
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ error: 'ERR_NOT_FOUND' })
    const run = await getRun(new Request(`${ORIGIN}/api/runs/x`), params('x'))
    expect(run.status).toBe(404)
    expect(await run.json()).toMatchObject({ error: 'ERR_NOT_FOUND' })
  })

  test('a pending run has no report yet: 404 that says so', async () => {
    const store = await getStore()
    const run = await store.runs.create({ protocol: 'saml', stateKey: '_api-pending' })
    const res = await getRun(new Request(`${ORIGIN}/api/runs/${run.id}`), params(run.id))
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ status: 'pending' })
  })
})
