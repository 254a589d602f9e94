import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { ReportView } from '@/app/ui/report/report-view'
import { GoNoGoBanner } from '@/app/connections/go-no-go-banner'
import { buildReport, finding, renderMarkdown, verdictFor } from '@/lib'
import { BUILTIN_PROFILES } from '@/lib/profiles'

// Issue 9, item 7 and bug 8: owner chips and section counts agree; vendor words come from the profile only.
const NOW = new Date('2026-11-22T00:00:00Z')
const findings = [
  finding('CERT_EXPIRED', { actual: 'expired' }, { idp: 'entra' }),
  finding('SAML_CONFIG_TRAILING_SLASH', { expected: 'https://a', actual: 'https://a/' }, { idp: 'entra' }),
  finding('SAML_STATUS_SUCCESS', { actual: 'Success' }, { idp: 'entra' }),
  finding('SAML_STATUS_AUTHN_FAILED', { actual: 'AuthnFailed' }, { idp: 'entra' }),
  finding('SAML_STATUS_NO_AUTHN_CONTEXT', { actual: 'NoAuthnContext' }, { idp: 'entra' }),
]
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

describe('owner counts agree', () => {
  test.each(['autodesk', 'generic'] as const)(
    'ReportView (%s profile): each chip equals its section heading count',
    (profile) => {
      const report = buildReport({ subject: { kind: 'saml-metadata', idp: 'entra' }, profile, now: NOW, findings })
      const html = renderToStaticMarkup(createElement(ReportView, { report }))
      const chips = [...html.matchAll(/<span class="verdict-owner-count">(\d+)<\/span> ([^<]+)<\/li>/g)].map((m) => [
        m[2]!.trim(),
        Number(m[1]),
      ])
      const sections = [...html.matchAll(/Fix in: ([^<]+?) <span class="count">(\d+)<\/span>/g)].map((m) => [
        m[1]!.trim(),
        Number(m[2]),
      ])
      expect(sections.length).toBeGreaterThan(1)
      for (const [label, n] of sections) expect(chips).toContainEqual([label, n])
      const md = renderMarkdown(report)
      for (const [label, n] of sections) expect(md).toContain(`## Fix in: ${label} (${n})`)
      if (profile === 'generic') expect(text(html) + md).not.toMatch(/Autodesk/)
      else expect(text(html)).toContain('the vendor (Autodesk)')
    },
  )

  test('the go / no-go banner: no vendor words and no cap for the generic profile', () => {
    const html = renderToStaticMarkup(
      createElement(GoNoGoBanner, {
        verdict: verdictFor({ staticReport: null }, [], { profile: BUILTIN_PROFILES.generic }),
      }),
    )
    expect(text(html)).not.toMatch(/Autodesk|\/30|at most 30/)
    const vendor = renderToStaticMarkup(
      createElement(GoNoGoBanner, {
        verdict: verdictFor({ staticReport: null }, [], { profile: BUILTIN_PROFILES.autodesk }),
      }),
    )
    expect(text(vendor)).toContain('Autodesk allows at most 30 test users')
  })
})
