import { DOMParser } from '@xmldom/xmldom'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseSafeXml } from '../xml/parse'
import { finding } from './finding'
import { renderGithub, renderJunit } from './render-ci'
import { buildReport, type Report } from './report'

const now = new Date('2026-12-01T00:00:00Z')

function report(actual: string): Report {
  return buildReport({
    subject: { kind: 'saml-response', idp: 'entra' },
    profile: 'generic',
    now,
    findings: [
      finding('SAML_AUDIENCE_MISMATCH', { expected: 'https://sp.example.com', actual }, { idp: 'entra' }),
      finding('CERT_EXPIRING_SOON', { actual: '2027-01-01' }),
    ],
    skipped: [{ check: 'attributes', reason: 'the signature did not verify' }],
  })
}

const hostile = 'x"/></failure><testcase name="fake"/>\n::error::forged\r\n%0A::warning::also forged\u001b[2J]]>&amp;'

describe('renderJunit', () => {
  it('gives one failing case per error finding with code, owner, expected / actual and next step, and a failing verdict', () => {
    const doc = new DOMParser().parseFromString(renderJunit(report('https://other.example.com')), 'text/xml')
    const suite = doc.getElementsByTagName('testsuite')[0]!
    expect(suite.getAttribute('failures')).toBe('2')
    expect(suite.getAttribute('skipped')).toBe('1')
    const failures = Array.from(doc.getElementsByTagName('failure'))
    expect(failures.map((f) => f.getAttribute('type'))).toEqual(['SAML_AUDIENCE_MISMATCH', 'no-go'])
    const text = failures[0]!.textContent ?? ''
    expect(text).toContain('Expected: https://sp.example.com')
    expect(text).toContain('Actual: https://other.example.com')
    expect(text).toContain('Owner: idp')
    expect(text).toContain('Next step: ')
  })

  it('keeps a hostile value inside its element: no forged test case, the value comes back intact', () => {
    const xml = renderJunit(report(hostile))
    const ours = parseSafeXml(xml)
    expect(ours.ok).toBe(true)
    const doc = new DOMParser().parseFromString(xml, 'text/xml')
    expect(doc.getElementsByTagName('testcase')).toHaveLength(4)
    const text = doc.getElementsByTagName('failure')[0]!.textContent ?? ''
    expect(text).toContain('x"/></failure><testcase name="fake"/>')
    expect(text).not.toContain('\u001b')
  })

  it('is well-formed XML for any evidence value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (actual) => {
        expect(parseSafeXml(renderJunit(report(actual))).ok).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})

describe('renderGithub', () => {
  it('annotates an error as ::error with the code and owner in the title, and ends with the verdict', () => {
    const lines = renderGithub(report('https://other.example.com')).trimEnd().split('\n')
    expect(lines[0]).toMatch(/^::error title=SAML_AUDIENCE_MISMATCH \(idp\)::/)
    expect(lines[1]).toMatch(/^::warning title=CERT_EXPIRING_SOON/)
    expect(lines.at(-1)).toMatch(/^::notice title=sso-preflight saml-response::NO-GO: 1 error/)
  })

  it('never lets an untrusted value start a line of its own (every line is one of our commands)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(hostile), fc.string({ unit: 'binary' })), (actual) => {
        const lines = renderGithub(report(actual)).trimEnd().split('\n')
        expect(lines).toHaveLength(3)
        for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) title=[^:]*::/)
      }),
      { numRuns: 300 },
    )
  })
})
