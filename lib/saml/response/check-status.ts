import type { CheckContext } from '../../context'
import { samlStatusEntryCode } from '../../findings/catalog/saml-status'
import { finding } from '../../findings/finding'
import type { Finding } from '../../findings/types'
import type { SamlStatus } from './model'

const STATUS = 'urn:oasis:names:tc:SAML:2.0:status:'
export const STATUS_SUCCESS = `${STATUS}Success`

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
    return [
      finding(
        'SAML_STATUS_MISSING',
        {
          expected: 'samlp:Status with a StatusCode',
          actual: status ? 'samlp:Status without StatusCode' : 'no samlp:Status',
        },
        fctx,
      ),
    ]
  }
  if (status.code === STATUS_SUCCESS) return []
  const evidence = {
    expected: STATUS_SUCCESS,
    actual: status.code,
    ...(status.subCode !== undefined ? { secondLevel: status.subCode } : {}),
    ...(status.message ? { statusMessage: status.message.slice(0, 500) } : {}),
    where: '/Response/Status/StatusCode',
  }
  if (!status.code.startsWith(STATUS)) return [finding('SAML_STATUS_NOT_URI', evidence, fctx)]
  // The SAML status table's row; the second level says more precisely who acts than the top level, so it wins.
  const row = (uri: string | undefined) => {
    const code = uri?.startsWith(STATUS) ? samlStatusEntryCode(uri) : undefined
    return code === 'SAML_STATUS_SUCCESS' ? undefined : code
  }
  const code = row(status.subCode) ?? row(status.code) ?? 'SAML_STATUS_ERROR'
  return [finding(code, evidence, fctx)]
}
