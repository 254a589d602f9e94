import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildReport, finding, type Report } from '../findings/index'
import { maskUser } from './mask'
import { testStoreEngines } from './testing'
import type { Store } from './types'

const T0 = new Date('2026-03-01T10:00:00Z')

function report(o: { email?: string; errors?: boolean } = {}): Report {
  return buildReport({
    subject: { kind: 'saml-test-login', idp: 'entra' },
    profile: 'autodesk',
    now: T0,
    findings: o.errors
      ? [finding('CERT_EXPIRED', { expected: 'valid', actual: '2025-01-01T00:00:00Z' }, { idp: 'entra' })]
      : [],
    facts: { nameId: o.email ?? 'john.doe@example.com' },
  })
}

describe.each(testStoreEngines())('store on %s', (_engine, open) => {
  let now = T0
  let store: Store
  // PGlite's first start compiles its WASM: slow on a busy machine.
  beforeAll(async () => {
    store = await open({ now: () => now, retentionDays: 7 })
  }, 120_000)
  afterAll(async () => {
    await store.close()
  })

  describe('connections', () => {
    test('a created connection reads back with its config and no secret', async () => {
      const c = await store.connections.create({
        name: 'Contoso Entra',
        protocol: 'saml',
        profileId: 'autodesk',
        config: {
          metadataUrl: 'https://login.example.com/metadata.xml',
          spEntityId: 'https://www.okta.com/saml2/service-provider/spabc',
          acsUrl: 'https://autodesk-prod.okta.com/sso/saml2/0oa1',
          connectionId: '0oa1',
        },
      })
      expect(c.id).toMatch(/^[A-Za-z0-9_-]{22}$/)
      expect(await store.connections.get(c.id)).toEqual(c)
      expect(c.expiresAt).toBe(new Date(T0.getTime() + 7 * 86_400_000).toISOString())
      expect((await store.connections.list()).map((x) => x.id)).toContain(c.id)
    })

    test('lists leave the pasted metadata out; get has it', async () => {
      const c = await store.connections.create({
        name: 'pasted',
        protocol: 'saml',
        profileId: 'autodesk',
        config: { idpMetadataXml: '<md:EntityDescriptor/>', connectionId: 'p1' },
      })
      const listed = (await store.connections.list()).find((x) => x.id === c.id)
      expect(listed?.config).toEqual({ connectionId: 'p1' })
      expect((await store.connections.get(c.id))?.config.idpMetadataXml).toBe('<md:EntityDescriptor/>')
    })

    test('a client secret in the config is refused, not stored', async () => {
      await expect(
        store.connections.create({
          name: 'x',
          protocol: 'oidc',
          profileId: 'generic',
          config: { issuer: 'https://idp.example.com', clientId: 'abc', clientSecret: 's3cr3t' } as never,
        }),
      ).rejects.toThrow(/clientSecret/)
    })

    test('the static report is stored masked', async () => {
      const c = await store.connections.create({
        name: 'y',
        protocol: 'saml',
        profileId: 'autodesk',
        config: {},
        staticReport: report(),
      })
      expect(JSON.stringify(c.staticReport)).not.toContain('john.doe')
      await store.connections.setStaticReport(c.id, report({ email: 'mary.major@example.org' }))
      const again = await store.connections.get(c.id)
      expect(again?.staticReport?.facts).toEqual({ nameId: maskUser('mary.major@example.org') })
      expect(again?.staticReport?.facts?.nameId).toMatch(/^m…·[0-9a-f]{6}@example\.org$/)
    })

    test('deleting a connection deletes its runs', async () => {
      const c = await store.connections.create({ name: 'z', protocol: 'saml', profileId: 'autodesk', config: {} })
      const run = await store.runs.create({ connectionId: c.id, protocol: 'saml', stateKey: `_del-${c.id}` })
      expect(await store.connections.delete(c.id)).toBe(true)
      expect(await store.connections.get(c.id)).toBeNull()
      expect(await store.runs.get(run.id)).toBeNull()
      expect(await store.connections.delete(c.id)).toBe(false)
    })
  })

  describe('runs', () => {
    test('a pending run is found by its request ID and consumed exactly once', async () => {
      const run = await store.runs.create({
        protocol: 'saml',
        stateKey: '_req-once',
        pending: { requestId: '_req-once', relayState: 'r1' },
      })
      expect(run).toMatchObject({ status: 'pending', consumedAt: null, pending: { relayState: 'r1' } })
      expect((await store.runs.findByKey('_req-once'))?.id).toBe(run.id)
      const first = await store.runs.consume('_req-once')
      expect(first?.id).toBe(run.id)
      expect(first?.consumedAt).toBe(T0.toISOString())
      expect(await store.runs.consume('_req-once')).toBeNull()
      expect(await store.runs.consume('_never-sent')).toBeNull()
    })

    test('a pending run cannot be consumed after it expires', async () => {
      await store.runs.create({ protocol: 'oidc', stateKey: 'state-late', ttlSeconds: 60 })
      now = new Date(T0.getTime() + 61_000)
      try {
        expect(await store.runs.consume('state-late')).toBeNull()
        expect(await store.runs.findByKey('state-late')).toBeNull()
      } finally {
        now = T0
      }
    })

    test('pending state naming a secret is refused', async () => {
      await expect(
        store.runs.create({ protocol: 'oidc', stateKey: 's-secret', pending: { clientSecret: 'x' } }),
      ).rejects.toThrow(/secret/)
    })

    test('completing a run masks the user and the report, clears pending state and keeps the timeline', async () => {
      const c = await store.connections.create({ name: 'c', protocol: 'saml', profileId: 'autodesk', config: {} })
      const run = await store.runs.create({
        connectionId: c.id,
        protocol: 'saml',
        stateKey: '_req-complete',
        pending: { requestId: '_req-complete' },
        timeline: [
          { at: T0.toISOString(), kind: 'request-sent', summary: 'AuthnRequest to https://login.example.com' },
        ],
      })
      await store.runs.appendTimeline(run.id, [
        { at: T0.toISOString(), kind: 'decoded', summary: 'NameID john.doe@example.com' },
      ])
      const done = await store.runs.complete(run.id, {
        status: 'completed',
        report: report(),
        testUser: 'John.Doe@example.com',
      })
      expect(done).toMatchObject({
        status: 'completed',
        testUser: maskUser('john.doe@example.com'),
        pending: null,
        completedAt: T0.toISOString(),
      })
      expect(done?.testUser).toMatch(/^j…·[0-9a-f]{6}@example\.com$/)
      expect(done?.timeline.map((s) => s.summary)).toEqual([
        'AuthnRequest to https://login.example.com',
        `NameID ${maskUser('john.doe@example.com')}`,
      ])
      expect(JSON.stringify(done)).not.toMatch(/john\.doe/i)
      // The NameID in the report and the test user in the matrix are the same masked value.
      expect((await store.runs.get(run.id))?.report?.facts).toEqual({ nameId: done?.testUser })
    })

    // issue 9 bug 3: entra-claims@ and expired-cert@ both showed as e***@demo.test, one passed and one failed.
    test('two users with the same first letter and domain are stored as two different masked users', async () => {
      const users: (string | null)[] = []
      for (const [i, user] of ['entra-claims@demo.test', 'expired-cert@demo.test'].entries()) {
        const r = await store.runs.create({ protocol: 'saml', stateKey: `_distinct-${i}` })
        users.push(
          (await store.runs.complete(r.id, { status: 'completed', report: report({ email: user }), testUser: user }))!
            .testUser,
        )
      }
      expect(users[0]).toMatch(/^e…·[0-9a-f]{6}@demo\.test$/)
      expect(users[1]).toMatch(/^e…·[0-9a-f]{6}@demo\.test$/)
      expect(users[0]).not.toBe(users[1])
    })

    test('the same user in another spelling has the same user key; another user a different one', async () => {
      const keys: (string | null)[] = []
      for (const [i, user] of ['ann@example.com', ' ANN@example.com', 'amy@example.com'].entries()) {
        const r = await store.runs.create({ protocol: 'saml', stateKey: `_key-${i}` })
        keys.push(
          (await store.runs.complete(r.id, { status: 'completed', report: report(), testUser: user }))!.testUserKey,
        )
      }
      expect(keys[0]).toBe(keys[1])
      expect(keys[2]).not.toBe(keys[0])
    })

    test('a connection lists its runs newest first', async () => {
      const c = await store.connections.create({ name: 'list', protocol: 'saml', profileId: 'autodesk', config: {} })
      now = new Date(T0.getTime() + 1000)
      const a = await store.runs.create({ connectionId: c.id, protocol: 'saml', stateKey: '_list-a' })
      now = new Date(T0.getTime() + 2000)
      const b = await store.runs.create({ connectionId: c.id, protocol: 'saml', stateKey: '_list-b' })
      now = T0
      expect((await store.runs.listByConnection(c.id)).map((r) => r.id)).toEqual([b.id, a.id])
    })

    test('20 parallel consumes of distinct keys each get their own run', async () => {
      const runs = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.runs.create({ protocol: 'saml', stateKey: `_par-${i}` })),
      )
      const consumed = await Promise.all(runs.map((r) => store.runs.consume(r.stateKey)))
      expect(consumed.map((r) => r?.id)).toEqual(runs.map((r) => r.id))
    })

    test('two parallel consumes of one key: exactly one wins', async () => {
      for (let i = 0; i < 5; i++) {
        await store.runs.create({ protocol: 'saml', stateKey: `_race-${i}` })
        const results = await Promise.all([store.runs.consume(`_race-${i}`), store.runs.consume(`_race-${i}`)])
        expect(results.filter((r) => r !== null)).toHaveLength(1)
      }
    })
  })

  describe('saved reports', () => {
    test('a saved report is masked by default and read back by its unguessable id', async () => {
      const saved = await store.savedReports.save({ report: report({ email: 'pat.smith@contoso.com' }) })
      expect(saved.id).toMatch(/^[A-Za-z0-9_-]{22}$/)
      expect(saved).toMatchObject({ kind: 'report', raw: false, attachments: null })
      const back = await store.savedReports.get(saved.id)
      expect(back?.report.facts).toEqual({ nameId: maskUser('pat.smith@contoso.com') })
      expect(JSON.stringify(back)).not.toContain('pat.smith')
      const other = await store.savedReports.save({ report: report() })
      expect(other.id).not.toBe(saved.id)
    })

    // issue 7: NameID jane.doe@corp and the attributes mobile and employeeNumber were stored and returned unmasked.
    test('a posted report keeps no NameID, mobile or employeeNumber: fields nobody allowed are masked', async () => {
      const posted = report({ email: 'jane.doe@corp' })
      posted.facts = {
        ...posted.facts,
        attributes: [
          { name: 'mobile', values: ['+44 7700 900123'] },
          { name: 'employeeNumber', values: ['40712'] },
        ],
        mobile: '+44 7700 900123',
        employeeNumber: 40712,
      }
      const back = await store.savedReports.get((await store.savedReports.save({ report: posted })).id)
      const json = JSON.stringify(back)
      for (const v of ['jane.doe', '7700', '40712']) expect(json, v).not.toContain(v)
      expect(back?.report.facts?.nameId).toMatch(/^j…·[0-9a-f]{6}@corp$/)
      expect((back?.report.facts?.attributes as { name: string }[]).map((a) => a.name)).toEqual([
        'mobile',
        'employeeNumber',
      ])
    })

    // issue 7: a 100 KB string in evidence.actual cost 10–15 s of masking; values are now cut before masking.
    test('a 100 KB evidence value is stored cut, with a note, and a 100 KB InResponseTo cut to a bounded value', async () => {
      const posted = report({ errors: true })
      posted.findings[0]!.evidence = { expected: 'valid', actual: `${'a.'.repeat(50_000)}x@y.example` }
      posted.facts = { inResponseTo: 'a@'.repeat(50_000) }
      const back = await store.savedReports.get((await store.savedReports.save({ report: posted })).id)
      const actual = String(back?.report.findings[0]?.evidence.actual)
      expect(actual.length).toBeLessThanOrEqual(4096)
      expect(actual).toMatch(/more characters\]$/)
      expect(String(back?.report.facts?.inResponseTo).length).toBeLessThan(4096)
      expect(JSON.stringify(back).length).toBeLessThan(20_000)
    })

    test('raw values and attachments are kept only when the user opted in', async () => {
      const saved = await store.savedReports.save({
        kind: 'support-bundle',
        raw: true,
        report: report({ email: 'pat.smith@contoso.com' }),
        attachments: { rawSamlResponse: 'PHNhbWxwOlJlc3BvbnNlLz4=' },
        context: { correlationId: 'c0ffee' },
      })
      const back = await store.savedReports.get(saved.id)
      expect(back?.report.facts).toEqual({ nameId: 'pat.smith@contoso.com' })
      expect(back?.attachments).toEqual({ rawSamlResponse: 'PHNhbWxwOlJlc3BvbnNlLz4=' })
      expect(back?.context).toEqual({ correlationId: 'c0ffee' })
    })

    test('a report that is not a Report is refused', async () => {
      await expect(store.savedReports.save({ report: { schema: 'nope' } as never })).rejects.toThrow()
    })

    test('unknown ids read as null and delete reports whether it existed', async () => {
      expect(await store.savedReports.get('AAAAAAAAAAAAAAAAAAAAAA')).toBeNull()
      const saved = await store.savedReports.save({ report: report() })
      expect(await store.savedReports.delete(saved.id)).toBe(true)
      expect(await store.savedReports.delete(saved.id)).toBe(false)
    })
  })

  describe('retention', () => {
    test('purgeExpired deletes rows past retention and keeps newer ones', async () => {
      const old = await store.savedReports.save({ report: report() })
      const oldConn = await store.connections.create({
        name: 'old',
        protocol: 'saml',
        profileId: 'autodesk',
        config: {},
      })
      const oldRun = await store.runs.create({ connectionId: oldConn.id, protocol: 'saml', stateKey: '_purge-old' })
      now = new Date(T0.getTime() + 6 * 86_400_000)
      const fresh = await store.savedReports.save({ report: report() })
      now = new Date(T0.getTime() + 8 * 86_400_000)
      try {
        expect(await store.savedReports.get(old.id)).toBeNull() // expired rows are invisible even before the purge
        const purged = await store.purgeExpired()
        expect(purged.savedReports).toBeGreaterThanOrEqual(1)
        expect(purged.connections).toBeGreaterThanOrEqual(1)
        expect(await store.savedReports.get(fresh.id)).not.toBeNull()
        expect(await store.runs.get(oldRun.id)).toBeNull()
      } finally {
        now = T0
      }
    })
  })
})
