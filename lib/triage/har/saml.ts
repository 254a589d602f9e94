import type { CheckContext } from '../../context'
import { finding } from '../../findings/finding'
import type { TimelineStep } from '../../findings/report'
import type { Finding } from '../../findings/types'
import { checkStatus, decodeSamlMessage, readSamlResponse, validateSamlResponse } from '../../saml/response/index'
import { idpKindFromEntityId } from '../../saml/metadata/detect-idp'
import { statusMessageFindings } from '../unverified-response'
import type { IdpTrust } from '../../saml/types'
import { descendants, NS, textContent, attr, firstChild } from '../../xml/index'
import { parseSafeXml } from '../../xml/parse'
import { exactMatches } from '../explain/search'
import { maskEmails } from '../mask'
import type { SsoHop } from './hops'
import { redactUrl } from './redact'

export interface SamlHopResult {
  readonly findings: Finding[]
  readonly step: TimelineStep
  /** Values read from the message that must never appear in output (NameID, attribute values, the raw message). */
  readonly secrets: string[]
  readonly validated: boolean
}

const STATUS = 'urn:oasis:names:tc:SAML:2.0:status:'

/** Decodes a SAML message found in the HAR; validates a response against the IdP's metadata when given. */
export function analyzeSamlHop(hop: SsoHop, o: { trust?: IdpTrust; ctx: CheckContext; where?: string }): SamlHopResult {
  const message = hop.samlMessage ?? ''
  const secrets = [message]
  const fctx = { idp: o.ctx.idp }
  const where = o.where ?? `HAR entry #${hop.index} (${hop.binding === 'post' ? 'HTTP-POST' : 'HTTP-Redirect'})`
  const step = (
    summary: string,
    data: Record<string, unknown>,
    kind: TimelineStep['kind'] = 'decoded',
  ): TimelineStep => ({
    at: hop.at.toISOString(),
    kind,
    summary,
    data: { entry: hop.index, host: hop.host, url: redactUrl(hop.url), ...data },
  })
  const label = hop.kind === 'saml-request' ? 'SAMLRequest' : 'SAMLResponse'

  const decoded = decodeSamlMessage(message, { ctx: fctx })
  const parsed = decoded.ok ? parseSafeXml(decoded.value.xml, { ctx: fctx }) : undefined
  if (!decoded.ok || !parsed?.ok) {
    const inner = !decoded.ok ? decoded.findings : parsed && !parsed.ok ? parsed.findings : []
    return {
      findings: [
        finding(
          'TRIAGE_HAR_SAML_UNREADABLE',
          {
            expected: `a ${label} (base64 or deflated XML)`,
            actual: `${message.length} characters that do not decode`,
            where,
          },
          fctx,
        ),
        ...inner,
      ],
      step: step(`${label} at ${hop.host} could not be decoded`, {}, 'error'),
      secrets,
      validated: false,
    }
  }
  for (const el of [
    ...descendants(parsed.value.root, NS.saml, 'NameID'),
    ...descendants(parsed.value.root, NS.saml, 'AttributeValue'),
  ]) {
    const t = textContent(el).trim()
    if (t.length >= 3) secrets.push(t)
  }
  secrets.push(decoded.value.xml)
  const doc = readSamlResponse(parsed.value)

  if (hop.kind === 'saml-request' || doc.kind === 'authn-request') {
    const root = doc.root
    const issuer = firstChild(root, NS.saml, 'Issuer')
    return {
      findings: [],
      validated: false,
      secrets,
      step: step(
        `SAMLRequest sent to ${hop.host}`,
        {
          message: 'AuthnRequest',
          encoding: decoded.value.encoding,
          id: attr(root, 'ID'),
          issuer: issuer ? textContent(issuer).trim() : undefined,
          assertionConsumerServiceUrl: attr(root, 'AssertionConsumerServiceURL'),
          destination: attr(root, 'Destination'),
          protocolBinding: attr(root, 'ProtocolBinding'),
          forceAuthn: attr(root, 'ForceAuthn'),
          isPassive: attr(root, 'IsPassive'),
        },
        'request-sent',
      ),
    }
  }

  const status = doc.response?.status
  const data = {
    message: 'Response',
    encoding: decoded.value.encoding,
    id: doc.response?.id,
    issuer: doc.response?.issuer,
    destination: doc.response?.destination,
    inResponseTo: doc.response?.inResponseTo,
    status: status?.code?.replace(STATUS, ''),
    subStatus: status?.subCode?.replace(STATUS, ''),
    statusMessage: status?.message ? maskEmails(status.message.slice(0, 500)) : undefined,
    assertions: doc.assertions.length,
    encryptedAssertions: doc.encryptedAssertions.length,
  }
  if (o.trust) {
    const r = validateSamlResponse({ response: message }, o.trust, { ctx: o.ctx, source: where })
    const findings = r.findings.map((f) => ({
      ...f,
      evidence: { ...f.evidence, where: f.evidence.where ? `${where}: ${f.evidence.where}` : where },
    }))
    return {
      findings,
      validated: true,
      secrets,
      step: step(
        `SAMLResponse posted to ${hop.host}: ${r.summary.errors} error(s) when validated against the IdP metadata`,
        { ...data, validation: r.summary.verdict, facts: r.facts },
      ),
    }
  }
  const findings: Finding[] = []
  const responseIdp = o.ctx.idp !== 'other' ? o.ctx.idp : idpKindFromEntityId(doc.response?.issuer)
  for (const code of [status?.code, status?.subCode]) {
    if (!code || code === `${STATUS}Success`) continue
    for (const m of exactMatches(code))
      findings.push(
        finding(
          m.code,
          {
            expected: `${STATUS}Success`,
            actual: code,
            where: `${where}: samlp:Status`,
            ...(data.statusMessage ? { statusMessage: data.statusMessage } : {}),
          },
          fctx,
        ),
      )
  }
  // A status outside the SAML URNs (AD FS test rigs send "main status") still gets the SAML status table's answer.
  if (status?.code && status.code !== `${STATUS}Success` && !findings.length)
    findings.push(...checkStatus(status, { ...o.ctx, idp: responseIdp }))
  if (status?.message) findings.push(...statusMessageFindings(status.message, responseIdp, where))
  return {
    findings,
    validated: false,
    secrets,
    step: step(
      `SAMLResponse posted to ${hop.host}: status ${data.status ?? '(none)'}${data.subStatus ? ` / ${data.subStatus}` : ''}`,
      data,
    ),
  }
}
