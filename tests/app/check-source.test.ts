import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { runCheckAction } from '@/app/check/actions'
import { INITIAL_STATE, type CheckFormState } from '@/app/check/form-state'

// Issue 9, bug 8: the report says how the document came in: a paste is not an upload.
const REAL = new URL('../../../shared/fixtures/real/', import.meta.url)
const ENTRA = 'saml-metadata/entra/ggtristams-entra-tenant-81c1df79-federationmetadata.xml'
const xml = readFileSync(new URL(ENTRA, REAL), 'utf8')

function form(fields: Record<string, string | File>): FormData {
  const fd = new FormData()
  for (const [k, v] of Object.entries(fields)) fd.append(k, v)
  return fd
}
const sourceOf = (s: CheckFormState) => (s.status === 'done' ? s.report.subject.source : `(${s.status})`)

describe('the /check report names its source', () => {
  test('pasted text is "pasted text", an uploaded file is "uploaded file"', async () => {
    const base = {
      kind: 'saml-metadata',
      profile: 'autodesk',
      now: '2026-11-22T00:00:00Z',
      spEntityId: '',
      acsUrl: '',
      signOnUrl: '',
      idp: '',
    }
    expect(sourceOf(await runCheckAction(INITIAL_STATE, form({ ...base, source: 'paste', text: xml })))).toBe(
      'pasted text',
    )
    expect(
      sourceOf(
        await runCheckAction(
          INITIAL_STATE,
          form({ ...base, source: 'file', file: new File([xml], 'federationmetadata.xml') }),
        ),
      ),
    ).toBe('uploaded file')
  })
})
