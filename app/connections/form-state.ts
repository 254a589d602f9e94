/** The new-connection form's fields that can carry an error (each has an element with id `<field>-error`). */
export const CONNECTION_FIELDS = [
  'name',
  'protocol',
  'profileId',
  'metadataXml',
  'metadataUrl',
  'issuer',
  'clientId',
  'connectionId',
  'spEntityId',
  'acsUrl',
  'spMetadataXml',
  'verifiedDomains',
] as const
export type ConnectionField = (typeof CONNECTION_FIELDS)[number]

export type ConnectionFormValues = Partial<Record<ConnectionField, string>>

export type ConnectionFormState =
  | { status: 'idle' }
  | {
      status: 'invalid' | 'failed'
      message: string
      fieldErrors: Partial<Record<ConnectionField, string[]>>
      values: ConnectionFormValues
    }

export const INITIAL_CONNECTION_FORM: ConnectionFormState = { status: 'idle' }

/** A rejected connection body's issues, per form field; an issue naming no field of the form goes to `fallback`. */
export function fieldErrorsOf(
  issues: readonly { readonly path: readonly PropertyKey[]; readonly code: string; readonly message: string }[],
  fallback: ConnectionField,
): Partial<Record<ConnectionField, string[]>> {
  const fieldErrors: Partial<Record<ConnectionField, string[]>> = {}
  for (const issue of issues) {
    const key = String(issue.path[0] ?? fallback)
    const field = (CONNECTION_FIELDS as readonly string[]).includes(key) ? (key as ConnectionField) : fallback
    ;(fieldErrors[field] ??= []).push(issue.code === 'unrecognized_keys' ? 'Unexpected field' : issue.message)
  }
  return fieldErrors
}

/** What the form says when saving failed for a reason not in the input. */
export function saveFailedMessage(storeUnavailable: boolean): string {
  return storeUnavailable
    ? 'The database is not available; try again shortly. Your input is kept below.'
    : 'Saving the connection failed unexpectedly (a bug in SSO Preflight, not in your input). Your input is kept below.'
}
