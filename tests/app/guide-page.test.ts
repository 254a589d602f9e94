import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import GuidePage from '@/app/guide/page'

const render = async (row: string) => renderToStaticMarkup(await GuidePage({ searchParams: Promise.resolve({ row }) }))

describe('/guide rows as the seed has them', () => {
  test("company SSO: the admin contact stays the seed's suggested next step, not a second numbered step", async () => {
    const html = await render('company-sso')
    const steps = html.match(/<h3>Fastest next step<\/h3><ol>([\s\S]*?)<\/ol>/)![1]!
    expect(steps.match(/<li>/g)).toHaveLength(1)
    expect(html).toContain('(Suggested next step: Contact your company SSO admin.)')
  })

  test.each(['loops', 'email-otp', 'authenticator', 'forgot-password'])(
    '%s: no "not an SSO problem" notice the seed does not have',
    async (row) => {
      expect(await render(row)).not.toMatch(/not a single sign-on/i)
    },
  )

  test('the sign-in loop row keeps its HAR hand-off', async () => {
    expect(await render('loops')).toContain('href="/triage"')
  })

  test.each(['email-otp', 'authenticator'])(
    '%s shows the backup-code tutorial with its condition and final Continue',
    async (row) => {
      const html = await render(row)
      expect(html).toContain('If you cannot receive a verification code, you can use a backup code')
      expect(html).toContain('<li>Sign in to your Autodesk account.</li>')
      expect(html).toMatch(/If you have not set up SMS verification or an authenticator app/)
      expect(html).toContain('<li>Click Continue.</li>')
    },
  )
})
