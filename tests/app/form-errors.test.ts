import { describe, expect, test } from 'vitest'
import { fieldErrorsOf, saveFailedMessage } from '@/app/connections/form-state'

describe('the connection forms show a rejected body field by field', () => {
  test('a known field keeps its messages; an unknown key or a root issue goes to the fallback field', () => {
    const errors = fieldErrorsOf(
      [
        { path: ['acsUrl'], code: 'invalid_format', message: 'Invalid URL' },
        { path: ['acsUrl'], code: 'too_big', message: 'Too long' },
        { path: ['clientSecret'], code: 'custom', message: 'x' },
        { path: [], code: 'unrecognized_keys', message: 'Unrecognized key: "password"' },
      ],
      'metadataXml',
    )
    expect(errors).toEqual({ acsUrl: ['Invalid URL', 'Too long'], metadataXml: ['x', 'Unexpected field'] })
  })
  test('an unavailable database is told apart from our own bug', () => {
    expect(saveFailedMessage(true)).toMatch(/database is not available/)
    expect(saveFailedMessage(false)).toMatch(/bug in SSO Preflight/)
  })
})
