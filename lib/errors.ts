/** What is wrong with us or the environment — never with the customer's configuration (that is a Finding). */
export type PreflightErrorCode =
  'ERR_USAGE' | 'ERR_STORE_UNAVAILABLE' | 'ERR_PROFILE_INVALID' | 'ERR_NOT_FOUND' | 'ERR_UNEXPECTED'

export class PreflightError extends Error {
  readonly code: PreflightErrorCode
  constructor(message: string, o: { code: PreflightErrorCode; cause?: unknown }) {
    super(message, { cause: o.cause })
    this.name = new.target.name
    this.code = o.code
  }
}

export function usageError(message: string, cause?: unknown): PreflightError {
  return new PreflightError(message, { code: 'ERR_USAGE', cause })
}
