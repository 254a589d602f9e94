import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { ReportSchema } from '../../findings/report'
import { validateSamlResponse } from './validate'
import * as F from './testing/fixture'
import { growthRatio, LINEAR_BOUND } from '../../../tests/linearity'
import { parseSafeXml } from '../../xml/parse'
import { checkAudience } from './check-addressing'
import { responseFacts } from './facts'
import { readSamlResponse, readSignedAssertion } from './read'

/*
 * Hostile input: signature-wrapping shapes built from a correctly signed response, then a few hundred random
 * mutations of the real Okta response. Whatever happens, the result is a Report, and no identity the signature does
 * not cover ever shows up in it.
 */

const ASSERTION_RE = /<saml2:Assertion[\s\S]*<\/saml2:Assertion>/
const EVIL = 'attacker@evil.example'
const run = (xml: string) => validateSamlResponse({ response: xml }, F.trust(), { ctx: F.ctx() })

function expectRefusedWithoutEvil(xml: string) {
  const r = run(xml)
  expect(ReportSchema.safeParse(r).success).toBe(true)
  expect(r.summary.verdict).toBe('no-go')
  expect(JSON.stringify(r)).not.toContain(EVIL)
  expect(JSON.stringify(r)).not.toContain('evil.example') // not even masked
  return r
}

describe('signature wrapping', () => {
  const signed = F.sign(F.baseResponse())
  const original = ASSERTION_RE.exec(signed)![0]
  const evil = (id: string) =>
    original
      .replace(/ID="[^"]*"/, `ID="${id}"`)
      .replace(/<ds:Signature[\s\S]*?<\/ds:Signature>/, '')
      .replace('ulysse.carion@codomaindata.com</saml2:NameID>', `${EVIL}</saml2:NameID>`)

  it('an unsigned evil assertion before the signed one', () => {
    expect(
      expectRefusedWithoutEvil(signed.replace(original, evil('_evil') + original)).findings.map((f) => f.code),
    ).toContain('SAML_RESPONSE_MULTIPLE_ASSERTIONS')
  })
  it('the signed assertion hidden in samlp:Extensions, the evil one in its place', () => {
    expectRefusedWithoutEvil(
      signed
        .replace(original, evil('_evil'))
        .replace('<saml2p:Status', `<saml2p:Extensions>${original}</saml2p:Extensions><saml2p:Status`),
    )
  })
  it('the signed assertion inside the evil assertion’s Advice', () => {
    const wrapped = evil('_evil').replace(
      '</saml2:Conditions>',
      `</saml2:Conditions><saml2:Advice>${original}</saml2:Advice>`,
    )
    expectRefusedWithoutEvil(signed.replace(original, wrapped))
  })
  it('the original signature moved into the evil assertion (reference points elsewhere)', () => {
    const sig = /<ds:Signature[\s\S]*?<\/ds:Signature>/.exec(original)![0]
    const e = evil('_evil').replace(/(<saml2:Issuer[^>]*>[^<]*<\/saml2:Issuer>)/, `$1${sig}`)
    expectRefusedWithoutEvil(
      signed.replace(
        original,
        e.replace(
          '</saml2:Conditions>',
          `</saml2:Conditions><saml2:Advice>${original.replace(sig, '')}</saml2:Advice>`,
        ),
      ),
    )
  })
  it('the evil assertion reusing the signed assertion’s ID', () => {
    const id = /ID="([^"]*)"/.exec(original)![1]!
    expect(expectRefusedWithoutEvil(signed.replace(original, evil(id) + original)).findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['SAML_RESPONSE_DUPLICATE_ID']),
    )
  })
  it('a DOCTYPE with an entity in the NameID', () => {
    const xml = signed.replace(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE r [<!ENTITY e "evil">]>',
    )
    expect(expectRefusedWithoutEvil(xml).findings[0]?.code).toBe('INPUT_XML_DOCTYPE')
  })
  it('a processing instruction inside the NameID', () => {
    expect(
      expectRefusedWithoutEvil(signed.replace('>ulysse.carion@', '><?evil x?>ulysse.carion@')).findings[0]?.code,
    ).toBe('INPUT_XML_PROCESSING_INSTRUCTION')
  })
  it('a deflate bomb as the redirect value', () => {
    const bomb = deflateRawSync(Buffer.alloc(64 * 1024 * 1024, 0x20)).toString('base64')
    expect(expectRefusedWithoutEvil(bomb).findings[0]?.code).toBe('INPUT_INFLATE_LIMIT')
  })
})

/** Deterministic PRNG (mulberry32): the same mutations every run. */
function rng(seed: number) {
  return () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('random mutations of the real Okta response', () => {
  const real = F.readFixture('real/saml-responses/okta/ssoready-okta-response.xml')
  const signedDerived = F.sign(F.baseResponse(), { assertion: true, response: true })
  const elements = (s: string) => [...s.matchAll(/<(saml2p?:\w+)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g)].map((m) => m[0])

  function mutate(src: string, rand: () => number): string {
    const n = src.length
    const at = Math.floor(rand() * n)
    switch (Math.floor(rand() * 7)) {
      case 0:
        return src.slice(0, at) // truncate
      case 1: {
        // flip a byte
        const c = String.fromCharCode(Math.floor(rand() * 128))
        return src.slice(0, at) + c + src.slice(at + 1)
      }
      case 2: {
        // duplicate an element in place
        const els = elements(src)
        const e = els[Math.floor(rand() * els.length)]
        return e ? src.replace(e, e + e) : src
      }
      case 3: {
        // delete an element
        const els = elements(src)
        const e = els[Math.floor(rand() * els.length)]
        return e ? src.replace(e, '') : src
      }
      case 4:
        return src.slice(0, at) + src.slice(at + Math.floor(rand() * 200)) // cut a span
      case 5:
        return Buffer.from(src.slice(0, at)).toString('base64') // base64 of a prefix
      default:
        return src.slice(0, at) + '<' + src.slice(at) // stray '<'
    }
  }

  it('400 mutations each yield a schema-valid Report', () => {
    const rand = rng(20261122)
    let go = 0
    for (let i = 0; i < 400; i++) {
      let m = i % 2 ? real : signedDerived
      const rounds = 1 + Math.floor(rand() * 3)
      for (let k = 0; k < rounds; k++) m = mutate(m, rand)
      const r = run(m)
      expect(ReportSchema.safeParse(r).success, `mutation ${i}`).toBe(true)
      expect(
        r.findings.map((f) => f.code),
        `mutation ${i}`,
      ).not.toContain('SAML_RESPONSE_CHECK_FAILED')
      if (r.summary.verdict === 'go') go++
    }
    // A few mutations only touch whitespace or unsigned parts; most must be refused.
    expect(go).toBeLessThan(100)
  })
})

describe('a correctly signed response whose size the sender chooses', () => {
  // Anyone can sign a response with their own key and give the matching metadata (/check, triage, the CLI), so the
  // validation past the signature sees attacker-sized input too. n distinct attribute names, then 4n (20,000: 3.2 MB,
  // under the parser's size cap). With the names deduplicated by Array.includes, as once, this measured 11.4; with a Set, 4.9.
  it('stays linear in its number of attributes (time at n and 4n), and still reads every one', () => {
    const signedWith = (n: number) => {
      const attrs: Record<string, string> = {}
      for (let i = 0; i < n; i++) attrs[`attr${i}`] = `value${i}`
      return F.sign(F.baseResponse({ attributes: attrs }))
    }
    const { ratio } = growthRatio((n) => {
      const xml = signedWith(n)
      const r = run(xml)
      // the signature holds and the assertion is read: the time is the whole validation's, not an early refusal
      expect(r.findings.map((f) => f.code)).not.toContain('SAML_SIGNATURE_INVALID')
      expect((r.facts?.attributeNames as string[] | undefined)?.length).toBe(n)
      return () => run(xml)
    }, 5000)
    expect(ratio).toBeLessThan(LINEAR_BOUND)
  }, 120_000)
})

describe('an audience list near the element cap', () => {
  // 175,000 Audience elements in one AudienceRestriction (3.9 MB, under the 4 MB cap): the audience check and the
  // facts once spread such a list into push()'s arguments, which overflows the stack from ~150,000 values on.
  it('is checked and reported without overflowing the stack', () => {
    const n = 175_000
    const xml = F.baseResponse().replace(
      /<saml2:AudienceRestriction>[\s\S]*?<\/saml2:AudienceRestriction>/,
      `<AudienceRestriction xmlns="urn:oasis:names:tc:SAML:2.0:assertion">${'<Audience>a</Audience>'.repeat(n)}<Audience>${F.SP}</Audience></AudienceRestriction>`,
    )
    const doc = parseSafeXml(xml)
    if (!doc.ok) throw new Error(doc.findings.map((f) => f.code).join())
    const assertion = readSignedAssertion(readSamlResponse(doc.value).assertions[0]!, 'assertion')
    expect(checkAudience(assertion, F.ctx())).toEqual([])
    expect((responseFacts({ encoding: 'xml', signed: assertion }).audience as string[]).length).toBe(n + 1)
  })
})
