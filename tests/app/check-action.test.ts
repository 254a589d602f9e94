import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { runCheckAction } from '@/app/check/actions'
import { MAX_INPUT_BYTES } from '@/app/check/check-request'
import { INITIAL_STATE, type CheckFormState } from '@/app/check/form-state'

const REAL = new URL('../../../shared/fixtures/real/', import.meta.url)
const ENTRA_ROLLOVER = 'saml-metadata/entra/ggtristams-entra-tenant-81c1df79-federationmetadata.xml'

function form(fields: Record<string, string | File>): FormData {
  const fd = new FormData()
  for (const [k, v] of Object.entries(fields)) fd.append(k, v)
  return fd
}
const fixtureFile = (rel: string) => new File([readFileSync(new URL(rel, REAL))], rel.split('/').pop() ?? 'file')
/** What the browser posts for an empty file input, as Next.js decodes it. */
const noFile = () => new File([], 'undefined', { type: 'application/octet-stream' })

function expectState<S extends CheckFormState['status']>(
  state: CheckFormState,
  status: S,
): Extract<CheckFormState, { status: S }> {
  expect(state.status).toBe(status)
  return state as Extract<CheckFormState, { status: S }>
}

describe('the /check server action', () => {
  test('an uploaded metadata file with a pinned clock gives the report', async () => {
    const state = await runCheckAction(
      INITIAL_STATE,
      form({
        kind: 'saml-metadata',
        source: 'file',
        file: fixtureFile(ENTRA_ROLLOVER),
        profile: 'autodesk',
        now: '2026-11-22T00:00:00Z',
        spEntityId: '',
        acsUrl: '',
        signOnUrl: '',
        idp: '',
      }),
    )
    const done = expectState(state, 'done')
    expect(done.report.checkedAt).toBe('2026-11-22T00:00:00.000Z')
    expect(done.report.findings.map((f) => f.code)).toContain('CERT_EXPIRED')
    expect(done.values.now).toBe('2026-11-22T00:00:00Z')
  })

  test('nothing chosen: a field error on the input group, the typed values echoed back', async () => {
    const state = await runCheckAction(
      INITIAL_STATE,
      form({ kind: 'saml-metadata', source: 'file', file: noFile(), spEntityId: 'https://sp.example.com' }),
    )
    const invalid = expectState(state, 'invalid')
    expect(invalid.fieldErrors.input).toEqual(['Upload, paste or link the IdP metadata'])
    expect(invalid.values.spEntityId).toBe('https://sp.example.com')
  })

  test('a chosen but empty file is checked (and is a finding), not a form error', async () => {
    const state = await runCheckAction(
      INITIAL_STATE,
      form({ kind: 'saml-metadata', source: 'file', file: new File([], 'metadata.xml') }),
    )
    expect(expectState(state, 'done').report.findings.map((f) => f.code)).toContain('INPUT_EMPTY')
  })

  test('a file over the cap is refused with its size and the limit', async () => {
    const big = new File([new Uint8Array(MAX_INPUT_BYTES + 1)], 'huge.xml')
    const state = await runCheckAction(INITIAL_STATE, form({ kind: 'saml-metadata', source: 'file', file: big }))
    expect(expectState(state, 'invalid').fieldErrors.input?.[0]).toMatch(
      /huge\.xml.*5,242,881 bytes; the limit is 5 MB/,
    )
  })

  test('a bad URL and a bad clock are field errors', async () => {
    const state = await runCheckAction(
      INITIAL_STATE,
      form({ kind: 'saml-metadata', source: 'url', url: 'idp.example.com/metadata', now: 'soon' }),
    )
    const invalid = expectState(state, 'invalid')
    expect(invalid.fieldErrors.input?.[0]).toContain('http')
    expect(invalid.fieldErrors.now?.[0]).toContain('ISO 8601')
  })

  test('a file: URL is answered with the finding that only http(s) URLs are fetched', async () => {
    const state = await runCheckAction(
      INITIAL_STATE,
      form({ kind: 'saml-metadata', source: 'url', url: 'file:///etc/passwd' }),
    )
    const report = expectState(state, 'done').report
    expect(report.findings.map((f) => f.code)).toEqual(['NET_SCHEME_NOT_ALLOWED'])
    expect(report.summary.verdict).toBe('no-go')
  })

  test('a SAML response without IdP metadata asks for it', async () => {
    const state = await runCheckAction(
      INITIAL_STATE,
      form({ kind: 'saml-response', source: 'paste', text: '<samlp:Response/>', idpSource: 'file', idpFile: noFile() }),
    )
    expect(expectState(state, 'invalid').fieldErrors.idpInput?.[0]).toContain('IdP metadata is needed')
  })

  test('an unknown kind or source falls back to safe defaults instead of failing', async () => {
    const state = await runCheckAction(INITIAL_STATE, form({ kind: 'bogus', source: 'bogus', text: 'x' }))
    const invalid = expectState(state, 'invalid')
    expect(invalid.values.kind).toBe('saml-metadata')
    expect(invalid.values.source).toBe('file')
  })
})
