import type { Report } from '@/lib/findings'
import type { PrettyXml } from '@/lib'
import type { CheckKind } from './check-request'

/** Where an input comes from in the form. */
export type InputSource = 'file' | 'paste' | 'url'

/** The form's field groups that can carry an error message (each has an element with id `<field>-error`). */
export const FORM_FIELDS = [
  'kind',
  'input',
  'jwks',
  'idpInput',
  'profile',
  'spEntityId',
  'acsUrl',
  'signOnUrl',
  'expectedIssuer',
  'clientId',
  'redirectUri',
  'requestId',
  'now',
  'idp',
] as const
export type FormField = (typeof FORM_FIELDS)[number]

/** What the admin typed, echoed back so a failed or finished check keeps the form filled (files cannot be). */
export interface FormValues {
  kind: CheckKind
  source: InputSource
  idpSource: InputSource
  text?: string
  url?: string
  jwksText?: string
  idpText?: string
  idpUrl?: string
  profile?: string
  spEntityId?: string
  acsUrl?: string
  signOnUrl?: string
  expectedIssuer?: string
  clientId?: string
  redirectUri?: string
  requestId?: string
  now?: string
  idp?: string
}

/** `submission` is new for every answer: the form remounts on it, so every control starts from the echoed values. */
export type CheckFormState =
  | { status: 'idle' }
  | {
      status: 'invalid'
      submission: string
      message: string
      fieldErrors: Partial<Record<FormField, string[]>>
      values: FormValues
    }
  | { status: 'failed'; submission: string; message: string; values: FormValues }
  | {
      status: 'done'
      submission: string
      report: Report
      values: FormValues
      /** What the downloads save: personal values masked. */ exportReport?: Report
      /** A checked SAML response, indented. */ responsePretty?: PrettyXml
    }

export const INITIAL_STATE: CheckFormState = { status: 'idle' }
