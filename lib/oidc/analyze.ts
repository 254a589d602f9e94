import { checkContext } from '../context'
import { loopbackAllowedByEnv } from '../net/env'
import { allowLoopbackForTests } from '../net/types'
import { finding } from '../findings/finding'
import { buildReport, type CertificateSummary, type Report } from '../findings/report'
import type { Finding } from '../findings/types'
import { checkCodeFlow, checkIdTokenAlgs, checkPkce, checkScopesAndClaims } from './checks/capabilities'
import { checkClientId, checkRedirectUri } from './checks/client'
import { checkEndpointHosts } from './checks/endpoint-hosts'
import { checkEndpoints } from './checks/endpoints'
import { checkIssuer, issuerFromDiscoveryUrl } from './checks/issuer'
import { checkJwks } from './checks/jwks'
import { checkKeysForAlgs } from './checks/keys-for-algs'
import { checkRequiredMembers } from './checks/members'
import { wrongDocument } from '../input/wrong-document'
import { detectOidcProvider } from './detect-idp'
import { parseJsonObject } from './parse'
import type { OidcCheckContext, OidcDiscovery, OidcInput, OidcOptions } from './types'

const DISCOVERY_CHECKS = [
  checkIssuer,
  checkRequiredMembers,
  checkEndpoints,
  checkEndpointHosts,
  checkCodeFlow,
  checkPkce,
  checkIdTokenAlgs,
  checkScopesAndClaims,
] as const

/**
 * Checks an OpenID Provider's configuration, already fetched: discovery document, JWKS, and the client values the
 * admin typed. Synchronous and pure; every problem is a finding, bad input included.
 * @example
 * const report = analyzeOidcConfiguration({ discovery, jwks, source: url }, { profile: BUILTIN_PROFILES.generic, expectedIssuer })
 */
export function analyzeOidcConfiguration(input: OidcInput, opts: OidcOptions): Report {
  const now = opts.now ?? new Date()
  const given = wrongDocument(input.discovery, 'oidc-discovery', { idp: opts.idp ?? 'other' })
  if (given.finding) {
    // A JWKS where the discovery document belongs: one finding that says so, not every member reported missing.
    return buildReport({
      subject: { kind: 'oidc-discovery', idp: opts.idp ?? 'other', ...(input.source ? { source: input.source } : {}) },
      profile: opts.profile.id,
      now,
      findings: [given.finding],
      skipped: [{ check: 'discovery', reason: 'the document given is not a discovery document' }],
      facts: { detectedInput: given.detected },
    })
  }
  const parsed = parseJsonObject(input.discovery, 'discovery')
  const doc: OidcDiscovery | undefined = parsed.ok ? parsed.value : undefined
  const issuer = typeof doc?.issuer === 'string' ? doc.issuer : undefined
  const idp =
    opts.idp ??
    detectOidcProvider(
      [issuer, opts.expectedIssuer, issuerFromDiscoveryUrl(input.source)],
      [doc?.authorization_endpoint, doc?.token_endpoint].map((e) => (typeof e === 'string' ? e : undefined)),
    )
  const ctx: OidcCheckContext = {
    ...checkContext({ profile: opts.profile, now, idp }),
    ...(opts.expectedIssuer ? { expectedIssuer: opts.expectedIssuer } : {}),
    ...(input.source ? { source: input.source } : {}),
    // The same allowance as lib/net's fetch: the demo's environment, or the tests' symbol.
    allowLoopback: opts[allowLoopbackForTests] === true || loopbackAllowedByEnv(),
  }

  const findings: Finding[] = []
  const skipped: { check: string; reason: string }[] = []
  let certificates: CertificateSummary[] = []
  let keyCount: number | undefined
  // A SAML-only vendor profile says so first, and still describes the OIDC configuration.
  if (!opts.profile.protocols.includes('oidc'))
    findings.push(
      finding(
        'OIDC_VENDOR_SAML_ONLY',
        { expected: opts.profile.protocols, actual: 'oidc', profile: opts.profile.id },
        ctx,
      ),
    )

  if (doc) for (const check of DISCOVERY_CHECKS) findings.push(...check(doc, ctx))
  else {
    // Parsed again with the context, so the findings name the detected IdP's screen.
    const again = parseJsonObject(input.discovery, 'discovery', ctx)
    if (!again.ok) findings.push(...again.findings)
    skipped.push({ check: 'discovery', reason: 'the discovery document could not be read' })
  }

  if (input.jwks !== undefined) {
    const jwks = parseJsonObject(input.jwks, 'jwks', ctx)
    if (jwks.ok) {
      const r = checkJwks(jwks.value, ctx)
      findings.push(...r.findings)
      if (doc) findings.push(...checkKeysForAlgs(doc, jwks.value, ctx))
      certificates = r.certificates
      keyCount = r.keyCount
    } else findings.push(...jwks.findings)
  } else
    skipped.push({ check: 'jwks', reason: 'no JWKS given: fetch jwks_uri (or upload it) to check the signing keys' })

  if (opts.redirectUri !== undefined) findings.push(...checkRedirectUri(opts.redirectUri, ctx))
  if (opts.clientId !== undefined) findings.push(...checkClientId(opts.clientId, ctx))

  return buildReport({
    subject: {
      kind: 'oidc-discovery',
      idp,
      ...(input.source ? { source: input.source } : {}),
      ...(issuer ? { issuer } : {}),
    },
    profile: opts.profile.id,
    now,
    findings,
    skipped,
    certificates,
    facts: { detectedInput: given.detected, ...facts(doc, keyCount) },
  })
}

function facts(doc: OidcDiscovery | undefined, keyCount: number | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const k of [
    'issuer',
    'authorization_endpoint',
    'token_endpoint',
    'userinfo_endpoint',
    'jwks_uri',
    'id_token_signing_alg_values_supported',
    'code_challenge_methods_supported',
  ])
    if (doc?.[k] !== undefined) out[k] = doc[k]
  if (keyCount !== undefined) out.jwksKeyCount = keyCount
  return out
}
