import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { SAML_SCENARIOS, OIDC_SCENARIOS, usernameFor } from '../mock-idp/scenarios'
import { openHarness, oidcLogin, samlLogin, type Harness } from '../../e2e/mock-idp/harness'
import { renderJson, renderMarkdown } from '../findings/render'
import type { Report } from '../findings/report'
import { markdownCode, markdownText } from '../findings/sanitize'
import { maskUser } from '../store/mask'
import type { AcsOutcome } from './saml/complete'
import { runExportReport } from './export'

// Issue 9, item 6: a test login's Markdown and JSON exports stand alone: run ID, connection, masked user, the
// timeline, full thumbprints, and no JSON in a table cell.

let h: Harness
beforeAll(async () => {
  h = await openHarness()
}, 60_000)
afterAll(async () => {
  await h?.close()
})

async function exported(outcome: AcsOutcome) {
  if (outcome.kind !== 'run') throw new Error(`expected a run, got ${JSON.stringify(outcome)}`)
  const run = await h.store.runs.get(outcome.runId)
  if (!run) throw new Error('no run')
  const connection = run.connectionId ? await h.store.connections.get(run.connectionId) : null
  const report = runExportReport(run, connection)
  if (!report) throw new Error('run has no report')
  return { run, report, md: renderMarkdown(report), json: JSON.parse(renderJson(report)) as Report }
}

/** Table cells of every table row, the code span fence taken off. */
const tableCells = (md: string) =>
  md
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .flatMap((l) =>
      l
        .replace(/\\\|/g, '\u0000')
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim().replace(/^(`+) ?([\s\S]*?) ?\1$/, '$2')),
    )
const isJson = (cell: string) => {
  if (!/^[[{]/.test(cell)) return false
  try {
    JSON.parse(cell)
    return true
  } catch {
    return false
  }
}

describe('the Markdown export of a SAML test login', () => {
  test('carries the run ID, the connection, the masked user, every timeline step and the full thumbprints', async () => {
    const user = usernameFor('ok', 'jane.doe')
    const { run, report, md } = await exported(await samlLogin(h, user))
    expect(md).toContain(`- Run ID: \`${run.id}\``)
    expect(md).toContain(`- Connection: \`mock SAML\` (ID \`${h.saml.id}\`)`)
    expect(md).toContain(`- Test user: ${markdownCode(maskUser(user))}`)
    expect(md).not.toContain(user)
    expect(md).not.toContain('jane.doe')
    const steps = report.timeline ?? []
    expect(steps.map((s) => s.kind)).toEqual(
      expect.arrayContaining(['request-sent', 'response-received', 'decoded', 'check']),
    )
    expect(md).toContain(`## Timeline (${steps.length} steps)`)
    steps.forEach((s, i) => {
      expect(md).toContain(
        `| ${i + 1} | ${markdownCode(s.at, { inTable: true })} | ${s.kind} | ${markdownText(s.summary)} |`,
      )
    })
    expect(report.certificates?.length).toBeGreaterThan(0)
    for (const c of report.certificates ?? []) {
      expect(c.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
      expect(md).toContain(`\`${c.sha256}\``)
      if (c.sha1) expect(md).toContain(`\`${c.sha1}\``)
    }
  })
  test.each(SAML_SCENARIOS.map((s) => s.id))(
    '%s: no table cell holds JSON; the header counts agree with the sections',
    async (id) => {
      const { md, report } = await exported(await samlLogin(h, usernameFor(id)))
      for (const cell of tableCells(md)) expect(isJson(cell), cell).toBe(false)
      for (const m of md.matchAll(/^## Fix in: (.+) \((\d+)\)$/gm)) {
        const row = new RegExp(
          `^\\| ${m[1]!.replace(/[()]/g, '\\$&')} \\| (\\d+) \\| (\\d+) \\| (\\d+) \\|$`,
          'm',
        ).exec(md)
        expect(row, m[1]).not.toBeNull()
        expect(Number(row![1]) + Number(row![2]) + Number(row![3])).toBe(Number(m[2]))
      }
      expect(md).toContain('- Run ID: `')
      expect(md).toContain('- Connection: `mock SAML`')
      expect(report.subject.kind).toBe('saml-test-login')
    },
  )
})

describe('the JSON export of a test login', () => {
  test('SAML: the same facts as the Markdown (run ID, connection id and name, masked user, timeline), nothing personal', async () => {
    const user = usernameFor('ok', 'json.saml')
    const { run, json } = await exported(await samlLogin(h, user))
    expect(json.facts?.runId).toBe(run.id)
    expect(json.subject).toMatchObject({
      kind: 'saml-test-login',
      connectionId: h.saml.id,
      connectionName: 'mock SAML',
      testUser: maskUser(user),
    })
    expect(json.timeline?.length).toBeGreaterThanOrEqual(4)
    expect(JSON.stringify(json)).not.toContain(user)
    expect(JSON.stringify(json)).not.toContain('json.saml')
  })
  test('OIDC: run ID, connection, masked user and timeline, in JSON and Markdown alike', async () => {
    const user = usernameFor('ok', 'json.oidc')
    const { run, json, md } = await exported(await oidcLogin(h, user))
    expect(json.facts?.runId).toBe(run.id)
    expect(json.subject).toMatchObject({
      kind: 'oidc-test-login',
      connectionId: h.oidc.id,
      connectionName: 'mock OIDC',
      testUser: maskUser(user),
    })
    expect(json.timeline?.map((s) => s.kind)).toEqual(
      expect.arrayContaining(['request-sent', 'response-received', 'check']),
    )
    expect(JSON.stringify(json)).not.toContain('json.oidc')
    expect(md).toContain(`- Test user: ${markdownCode(maskUser(user))}`)
    expect(md).toContain(`- Connection: \`mock OIDC\` (ID \`${h.oidc.id}\`)`)
    for (const s of json.timeline ?? []) expect(md).toContain(markdownText(s.summary))
    expect(md).not.toContain('json.oidc')
  })
  test('OIDC: the client ID a redirect URI must be registered for stays readable (configuration, not a person)', async () => {
    const { md } = await exported(await oidcLogin(h, usernameFor('aadsts50011')))
    expect(md).toContain(`- \`registeredFor\`: \`${h.oidc.config.clientId}\``)
  })
  test.each(OIDC_SCENARIOS.map((s) => s.id))('OIDC %s: no table cell holds JSON', async (id) => {
    const { md } = await exported(await oidcLogin(h, usernameFor(id)))
    for (const cell of tableCells(md)) expect(isJson(cell), cell).toBe(false)
  })
  test('a report stored before the run context was recorded gets it from the run row', async () => {
    const user = usernameFor('ok', 'older.report')
    const outcome = await samlLogin(h, user)
    if (outcome.kind !== 'run') throw new Error('expected a run')
    const run = (await h.store.runs.get(outcome.runId))!
    const { connectionName: _n, testUser: _u, ...olderSubject } = run.report!.subject as Record<string, unknown>
    const { timeline: _t, ...olderReport } = run.report!
    const older = { ...run, report: { ...olderReport, subject: olderSubject as Report['subject'], facts: {} } }
    const report = runExportReport(older, await h.store.connections.get(h.saml.id))!
    expect(report.subject).toMatchObject({
      connectionId: h.saml.id,
      connectionName: 'mock SAML',
      testUser: maskUser(user),
    })
    expect(report.facts?.runId).toBe(run.id)
    expect(report.timeline).toEqual(run.timeline)
  })
})
