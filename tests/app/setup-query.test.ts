import { describe, expect, test } from 'vitest'
import { emailForms, setupHref, SetupQuerySchema } from '@/app/setup/setup-query'

// The setup walk's state travels in its address: hostile or stale query values are dropped, never a 500.
describe('setup query', () => {
  test('round trip: IdP, variant, thumbprint and masked emails', () => {
    const href = setupHref('abcdefghijklmnop', {
      idp: 'okta',
      variant: 'catalog',
      cert: 'sha1:AB',
      emails: ['j…·3fa2c1@corp.example|j…·3fa2c2@corp.example'],
    })
    const q = SetupQuerySchema.parse(
      Object.fromEntries(
        [...new URL(href, 'http://x').searchParams.keys()].map((k) => [
          k,
          new URL(href, 'http://x').searchParams.getAll(k),
        ]),
      ),
    )
    expect(q).toMatchObject({ idp: 'okta', variant: 'catalog', cert: 'sha1:AB' })
    expect(emailForms(q.emails)).toEqual([['j…·3fa2c1@corp.example', 'j…·3fa2c2@corp.example']])
  })

  test('bad values are dropped, not thrown', () => {
    const q = SetupQuerySchema.parse({
      idp: '<script>',
      variant: 'x'.repeat(5000),
      cert: 'y'.repeat(5000),
      emails: Array.from({ length: 500 }, () => 'a'),
    })
    expect(q).toEqual({ idp: undefined, variant: undefined, profile: undefined, cert: undefined, emails: [] })
    expect(SetupQuerySchema.parse({})).toMatchObject({ emails: [] })
  })
})
