import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { NewConnectionForm } from '@/app/connections/new-connection-form'
import { BUILTIN_PROFILES } from '@/lib/profiles'

const sp = BUILTIN_PROFILES.autodesk.vendor!.spValues

describe("new-connection form: the vendor's two SP values", () => {
  const html = renderToStaticMarkup(createElement(NewConnectionForm))

  test('asks for both values, each with its own example from the profile, and never fills them from one ID', () => {
    expect(html).toContain('name="spEntityId"')
    expect(html).toContain('name="acsUrl"')
    expect(html).toContain(`placeholder="${sp.entityId.example.replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`)
    expect(html).toContain(`placeholder="${sp.acsUrl.example.replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`)
    // Two different identifiers: the examples name two different placeholders.
    expect(sp.entityId.example.match(/<[^>]+>/)![0]).not.toBe(sp.acsUrl.example.match(/<[^>]+>/)![0])
    expect(html).toMatch(/carry different IDs, copy both/)
    expect(html).not.toMatch(/it fills the two URLs/)
  })

  test('offers the SP metadata XML as the way to fill both, and says where the values are in the vendor console', () => {
    expect(html).toContain('name="spMetadataXml"')
    expect(html).toContain(sp.metadataHint)
    expect(html).toContain(sp.shownAt.join(' › '))
  })

  test("profile names come from the profiles, not from the form's code", () => {
    for (const p of Object.values(BUILTIN_PROFILES))
      expect(html).toContain(`>${p.name.replace(/'/g, '&#x27;')}</option>`)
  })
})
