// The sign-in guide against the seed documents it follows: the vendor's "I cannot sign in" table and its backup-code
// tutorial. A word changed in the guide (or a step added, dropped or promoted) fails here.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { GUIDE_ROWS, guideRow } from './guide'

const SEEDS = join(__dirname, '../../../shared/seeds')
const seeds = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(SEEDS, f), 'utf8'))
const table = seeds.find((s) => s.includes('Who owns the resolution'))!
const tutorial = seeds.find((s) => s.includes('Use a backup code'))!
const normal = (s: string) => s.replace(/\s+/g, ' ')

describe('sign-in guide follows the seeds', () => {
  test('the seed documents are present (the test must not pass on nothing)', () => {
    expect(table).toBeDefined()
    expect(tutorial).toBeDefined()
  })

  test.each(GUIDE_ROWS.map((r) => [r.id, r] as const))("row %s: every text is the seed row's own", (_id, row) => {
    const line = table.split('\n').find((l) => l.startsWith(`${row.issue} |`))
    expect(line, row.issue).toBeDefined()
    const cells = line!.split('|').map((c) => c.trim())
    expect(normal(cells[1]!)).toBe(row.chooseThisIf.join(' '))
    const suggested = row.suggestedNextStep ? ` (Suggested next step: ${row.suggestedNextStep})` : ''
    expect(normal(cells[2]!)).toBe(row.fastestNextStep.join(' ') + suggested)
    expect(cells[3]).toBe(row.important)
    expect(cells[4]).toBe(row.owner)
    for (const a of row.relatedArticles) expect(cells[5]).toContain(a)
  })

  test('company SSO: contacting the SSO admin stays a suggestion, not an equal second step', () => {
    const row = guideRow('company-sso')!
    expect(row.fastestNextStep).toEqual(['Sign in using your company credentials and approved authentication method.'])
    expect(row.suggestedNextStep).toBe('Contact your company SSO admin.')
  })

  test("backup code: the tutorial's condition and steps, in its order, ending with Continue", () => {
    const t = guideRow('authenticator')!.more!
    expect(tutorial).toContain(t.intro)
    let from = 0
    for (const step of t.steps) {
      // A step may join two transcript lines (the one-time-use line and why); each part must follow the previous step.
      for (const part of step.split(/(?<=\.) (?=This ensures)/)) {
        const at = tutorial.indexOf(part, from)
        expect(at, part).toBeGreaterThanOrEqual(0)
        from = at
      }
    }
    expect(t.steps[0]).toBe('Sign in to your Autodesk account.')
    expect(t.steps.join(' ')).toContain('If you have not set up SMS verification or an authenticator app')
    expect(t.steps.at(-1)).toBe('Click Continue.')
  })

  test('backup codes answer "cannot receive a verification code": shown under the email / OTP row too', () => {
    expect(guideRow('email-otp')!.more).toEqual(guideRow('authenticator')!.more)
    expect(tutorial).toContain('If you cannot receive a verification code')
  })

  test('no row carries a notice the seed does not have', () => {
    const page = readFileSync(join(__dirname, '../../app/guide/page.tsx'), 'utf8')
    expect(page).not.toMatch(/not a single sign-on \(SSO\) problem/)
    expect(table).not.toMatch(/not a single sign-on/i)
  })
})
