import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { growthRatio, LINEAR_BOUND } from '../../../tests/linearity'
import { readForms } from './html-forms'

describe('readForms', () => {
  test('reads a login form and a self-posting SAMLResponse form as a browser would', () => {
    const html = `<!doctype html><html><body>
      <!-- <form action="/commented-out"><input name="x"></form> -->
      <script>var s = "<form action='/in-script'><input name='y'>";</script>
      <FORM Method="POST" action="/login?a=1&amp;b=2"><input type="text" name="username" value="">
      <input type=password name=password><input type="hidden" name="AuthState" value="&quot;st&#x41;te&#65;&quot;"><button name="go">Go</button></FORM>
      <form method="get" action='https://sp.example.com/acs'><input type="hidden" name="SAMLResponse" value="PHNhbWw+"></form>`
    const forms = readForms(html)
    expect(forms).toHaveLength(2)
    expect(forms[0]).toEqual({
      action: '/login?a=1&b=2',
      method: 'post',
      inputs: [
        { name: 'username', type: 'text', value: '' },
        { name: 'password', type: 'password', value: '' },
        { name: 'AuthState', type: 'hidden', value: '"stAteA"' },
        { name: 'go', type: 'submit', value: '' },
      ],
    })
    expect(forms[1]).toEqual({
      action: 'https://sp.example.com/acs',
      method: 'get',
      inputs: [{ name: 'SAMLResponse', type: 'hidden', value: 'PHNhbWw+' }],
    })
  })

  test('never throws and caps what it returns, whatever the page', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.array(fc.constantFrom('<form>', '<input name="a">', '</form>', '<!--', '<script>', '"', "'", '<', '>')),
        (text, parts) => {
          const forms = readForms(text + parts.join(''))
          expect(forms.length).toBeLessThanOrEqual(20)
        },
      ),
      { numRuns: 500 },
    )
    expect(readForms('<form>'.repeat(10_000))).toHaveLength(20)
    expect(readForms('<form>' + '<input name="a">'.repeat(10_000))[0]!.inputs).toHaveLength(200)
  })

  test.each([
    ['unclosed tags', (n: number) => '<a'.repeat(n)],
    ['unclosed quotes', (n: number) => '<input name="'.repeat(n)],
    ['scripts without an end', (n: number) => '<script>'.repeat(n)],
    ['comments without an end', (n: number) => '<!--'.repeat(n)],
    ['many attributes', (n: number) => `<form>${'<input a=1 b=2 c="3" name=x value=&amp;>'.repeat(n)}`],
    ['nested-looking forms', (n: number) => '<form><input name=a>'.repeat(n)],
  ])('stays linear on %s', (_shape, make) => {
    // MAX_FORMS ends the scan early on form-heavy shapes, so the cost may stop growing (flatOk).
    expect(
      growthRatio(
        (n) => {
          const html = make(n)
          return () => readForms(html)
        },
        8_000,
        { flatOk: true },
      ).ratio,
    ).toBeLessThan(LINEAR_BOUND)
  })
})
