import type { CheckContext } from '../../context'
import type { FindingCode } from '../../findings/catalog/index'
import { finding } from '../../findings/finding'
import type { Finding } from '../../findings/types'
import type { SamlStatus } from './model'

const STATUS = 'urn:oasis:names:tc:SAML:2.0:status:'
export const STATUS_SUCCESS = `${STATUS}Success`

const TOP_LEVEL: Record<string, FindingCode> = {
  Requester: 'SAML_STATUS_REQUESTER',
  Responder: 'SAML_STATUS_RESPONDER',
  VersionMismatch: 'SAML_STATUS_VERSION_MISMATCH',
}
// Second-level codes say more precisely who acts than the top level does, so they win when known.
const SECOND_LEVEL: Record<string, FindingCode> = {
  AuthnFailed: 'SAML_STATUS_AUTHN_FAILED',
  RequestDenied: 'SAML_STATUS_REQUEST_DENIED',
  UnknownPrincipal: 'SAML_STATUS_UNKNOWN_PRINCIPAL',
  NoPassive: 'SAML_STATUS_NO_PASSIVE',
  InvalidNameIDPolicy: 'SAML_STATUS_INVALID_NAMEID_POLICY',
  NoAuthnContext: 'SAML_STATUS_NO_AUTHN_CONTEXT',
}

export function isSuccess(status: SamlStatus | undefined): boolean {
  return status?.code === STATUS_SUCCESS
}

/**
 * The top-level and second-level StatusCode. A failure status is reported with both levels and the
 * StatusMessage; which code (and so which owner) comes from the most specific level we know.
 */
export function checkStatus(status: SamlStatus | undefined, ctx: CheckContext): Finding[] {
  const fctx = { idp: ctx.idp }
  if (!status || status.code === undefined) {
    return [finding('SAML_STATUS_MISSING', { expected: 'samlp:Status with a StatusCode', actual: status ? 'samlp:Status without StatusCode' : 'no samlp:Status' }, fctx)]
  }
  if (status.code === STATUS_SUCCESS) return []
  const evidence = {
    expected: STATUS_SUCCESS,
    actual: status.code,
    ...(status.subCode !== undefined ? { secondLevel: status.subCode } : {}),
    ...(status.message ? { statusMessage: status.message.slice(0, 500) } : {}),
    where: '/Response/Status/StatusCode',
  }
  const top = status.code.startsWith(STATUS) ? status.code.slice(STATUS.length) : undefined
  const sub = status.subCode?.startsWith(STATUS) ? status.subCode.slice(STATUS.length) : undefined
  if (top === undefined) return [finding('SAML_STATUS_NOT_URI', evidence, fctx)]
  const code = (sub !== undefined ? SECOND_LEVEL[sub] : undefined) ?? TOP_LEVEL[top] ?? 'SAML_STATUS_ERROR'
  return [finding(code, evidence, fctx)]
}
