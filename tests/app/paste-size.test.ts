import { describe, expect, test } from 'vitest'
import { oversizedFields } from '@/app/check/paste-size'

describe('/check: a paste over the limit is said in the form, before sending (issue 9 bug 7)', () => {
  test('a 20 MB paste gets a message on its field, with its size and the limit', () => {
    const form = new FormData()
    form.set('kind', 'saml-response')
    form.set('text', 'x'.repeat(20 * 1024 * 1024))
    form.set('idpText', '<EntityDescriptor/>')
    expect(oversizedFields(form)).toEqual({
      input: [expect.stringMatching(/^The pasted text is 20,971,520 bytes; the limit is 5 MB\./)],
    })
  })

  test('sizes are counted in UTF-8 bytes, as sent', () => {
    const form = new FormData()
    form.set('jwksText', 'é'.repeat(3 * 1024 * 1024))
    expect(oversizedFields(form).jwks?.[0]).toMatch(/6,291,456 bytes/)
  })

  test('a form under the limits is sent as is', () => {
    const form = new FormData()
    form.set('text', 'x'.repeat(5 * 1024 * 1024))
    form.set('idpText', 'y'.repeat(1000))
    expect(oversizedFields(form)).toEqual({})
  })
})
