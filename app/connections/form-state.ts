/** The new-connection form's fields that can carry an error (each has an element with id `<field>-error`). */
export const CONNECTION_FIELDS = ['name', 'protocol', 'profileId', 'metadataXml', 'metadataUrl', 'issuer', 'clientId',
  'connectionId', 'spEntityId', 'acsUrl', 'spMetadataXml', 'verifiedDomains'] as const
export type ConnectionField = (typeof CONNECTION_FIELDS)[number]

export type ConnectionFormValues = Partial<Record<ConnectionField, string>>

export type ConnectionFormState =
  | { status: 'idle' }
  | { status: 'invalid' | 'failed'; message: string; fieldErrors: Partial<Record<ConnectionField, string[]>>; values: ConnectionFormValues }

export const INITIAL_CONNECTION_FORM: ConnectionFormState = { status: 'idle' }
