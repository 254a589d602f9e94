import type { CheckContext } from '../../../context'

/** A CheckContext plus what only metadata analysis uses. */
export interface MetadataCheckContext extends CheckContext {
  /** The Sign on URL the admin typed in the IdP (Entra Basic SAML Configuration), when given. */
  readonly signOnUrl?: string
}
