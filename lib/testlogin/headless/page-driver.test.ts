import { describe, expect, test } from 'vitest'
import { growthRatio, LINEAR_BOUND } from '../../../tests/linearity'
import { idpErrorPageText } from './page-driver'

describe('idpErrorPageText: the error line of an IdP error page', () => {
  test('Entra: the AADSTS line up to the end of its element; Okta: the E-code with its summary; anything else: none', () => {
    expect(
      idpErrorPageText('<p id="error">AADSTS50011: The redirect URI does not match.</p><pre>Correlation Id: x</pre>'),
    ).toBe('AADSTS50011: The redirect URI does not match.')
    expect(
      idpErrorPageText(
        '<pre>{"errorCode":"E0000022","errorSummary":"The endpoint does not support the provided HTTP method"}</pre>',
      ),
    ).toBe('E0000022: The endpoint does not support the provided HTTP method')
    expect(idpErrorPageText('<h1>Service unavailable</h1> AADSTS without a number, E00001 too short')).toBeUndefined()
  })

  test.each([
    ['AADSTS without digits', (n: number) => 'AADSTS'.repeat(n)],
    ['AADSTS codes without a colon', (n: number) => 'AADSTS1234567 '.repeat(n / 2)],
    ['a long line after the code', (n: number) => `AADSTS50011:${'x'.repeat(n * 6)}`],
    ['E0000 prefixes', (n: number) => 'E0000'.repeat(n)],
    ['errorSummary openings without an end', (n: number) => `E0000022 ${'"errorSummary":"'.repeat(n)}`],
  ])('stays linear on %s', (_shape, make) => {
    // The page is read up to its first error line and a 200 KB head, so the cost may stop growing (flatOk).
    expect(
      growthRatio(
        (n) => {
          const html = make(n)
          return () => idpErrorPageText(html)
        },
        4_000,
        { flatOk: true },
      ).ratio,
    ).toBeLessThan(LINEAR_BOUND)
  })
})
