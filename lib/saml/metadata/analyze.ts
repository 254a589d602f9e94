import { checkContext } from '../../context'
import { finding } from '../../findings/finding'
import { buildReport, type Report } from '../../findings/report'
import { withSamlComparison } from '../../findings/comparison'
import type { Finding, IdpKind } from '../../findings/types'
import type { SpProfile } from '../../profiles/schema'
import { parseSafeXml } from '../../xml/parse'
import { checkMetadataCertificates } from './checks/certificates'
import { checkConfiguredValues } from './checks/configured-values'
import type { MetadataCheckContext } from './checks/context'
import { checkDescriptor } from './checks/descriptor'
import { checkEntityId } from './checks/entity-id'
import { checkNameIdFormats } from './checks/name-id'
import { checkMetadataSignature } from './checks/signature'
import { checkSsoEndpoints } from './checks/sso-endpoints'
import { wrongDocument } from '../../input/wrong-document'
import { detectMetadataIdp } from './detect-idp'
import { readMetadata } from './read'
import { BINDING, type IdpMetadata } from './types'

export interface AnalyzeMetadataOptions {
  readonly profile: SpProfile
  /** The clock (tests and --now pin it). */
  readonly now?: Date
  /** What the admin typed in the IdP for the vendor's app. */
  readonly spEntityId?: string
  readonly acsUrl?: string
  readonly signOnUrl?: string
  /** Overrides detection (the admin said which IdP this is). */
  readonly idp?: IdpKind
  /** Certificates (base64 / PEM) trusted to sign the metadata; without them the signature check is integrity-only. */
  readonly trustedCertificates?: readonly string[]
}

const SKIPPED_AFTER_FATAL = [
  'entity ID',
  'single sign-on endpoints',
  'NameID formats',
  'certificates',
  'metadata signature',
]

/**
 * Analyses an IdP's SAML metadata under a vendor profile: every problem as a finding, the certificate timeline and
 * the facts an admin needs (entity ID, SSO URLs by binding, NameID formats, validUntil). Synchronous; never throws
 * on bad input.
 * @example const report = analyzeSamlMetadata({ xml, source: 'federationmetadata.xml' }, { profile: BUILTIN_PROFILES.<default profile id> })
 */
export function analyzeSamlMetadata(input: { xml: string; source?: string }, opts: AnalyzeMetadataOptions): Report {
  return withSamlComparison(analyzeMetadataDocument(input, opts), opts.profile, {
    spEntityId: opts.spEntityId,
    acsUrl: opts.acsUrl,
  })
}

function analyzeMetadataDocument(input: { xml: string; source?: string }, opts: AnalyzeMetadataOptions): Report {
  const now = opts.now ?? new Date()
  const base = { profile: opts.profile.id, now }
  const source = input.source !== undefined ? { source: input.source } : {}
  const given = wrongDocument(input.xml, 'saml-metadata', { idp: opts.idp ?? 'other' })
  if (given.finding) {
    // A SAML response where the metadata belongs: one finding that says so, not the metadata checks failing one by one.
    return buildReport({
      ...base,
      subject: { kind: 'saml-metadata', idp: opts.idp ?? 'other', ...source },
      findings: [given.finding],
      skipped: SKIPPED_AFTER_FATAL.map((check) => ({
        check,
        reason: 'the document given is a SAML response, not metadata',
      })),
      facts: { detectedInput: given.detected },
    })
  }
  const doc = parseSafeXml(input.xml)
  if (!doc.ok) {
    const ctx = context(opts, now, opts.idp ?? 'other')
    return buildReport({
      ...base,
      subject: { kind: 'saml-metadata', idp: ctx.idp, ...source },
      findings: [...doc.findings, ...checkConfiguredValues(undefined, ctx)],
      facts: { detectedInput: given.detected },
    })
  }
  const reading = readMetadata(doc.value)
  const md = reading.metadata
  // Which signal named the IdP (entity ID, endpoints, certificate names), so the report can say why.
  const detection = opts.idp || !md ? undefined : detectMetadataIdp(md)
  const idp = opts.idp ?? detection?.idp ?? 'other'
  const ctx = context(opts, now, idp)
  const findings: Finding[] = reading.issues.map((i) => finding(i.code, i.evidence, ctx))
  const subject = { kind: 'saml-metadata' as const, idp, ...source, ...(md?.entityId ? { entityId: md.entityId } : {}) }
  if (!md || reading.fatal) {
    findings.push(...checkConfiguredValues(undefined, ctx))
    return buildReport({
      ...base,
      subject,
      findings,
      skipped: SKIPPED_AFTER_FATAL.map((check) => ({
        check,
        reason: 'the document holds no single IdP entity to check',
      })),
      facts: { detectedInput: given.detected, ...(reading.entityIds ? { entityIds: reading.entityIds } : {}) },
    })
  }
  const sig = checkMetadataSignature(reading, ctx, opts.trustedCertificates)
  const certs = checkMetadataCertificates(md, ctx, {
    ...(sig.signer ? { signer: sig.signer } : {}),
    ...(sig.signerSha256 ? { signerSha256: sig.signerSha256 } : {}),
  })
  findings.push(
    ...checkEntityId(md, ctx),
    ...checkSsoEndpoints(md, ctx),
    ...checkNameIdFormats(md, ctx),
    ...checkDescriptor(md, ctx),
    ...certs.findings,
    ...sig.findings,
    ...checkConfiguredValues(md, ctx),
  )
  return buildReport({
    ...base,
    subject,
    findings,
    certificates: certs.certificates,
    facts: {
      detectedInput: given.detected,
      ...facts(md, reading.entityIds, sig.signerSha256),
      ...(detection ? { idpDetectedBy: { signal: detection.signal, evidence: detection.evidence } } : {}),
    },
  })
}

function context(opts: AnalyzeMetadataOptions, now: Date, idp: IdpKind): MetadataCheckContext {
  return {
    ...checkContext({
      profile: opts.profile,
      now,
      idp,
      ...(opts.spEntityId !== undefined ? { spEntityId: opts.spEntityId } : {}),
      ...(opts.acsUrl !== undefined ? { acsUrl: opts.acsUrl } : {}),
    }),
    // checkContext drops empty strings; an empty value the admin typed is still worth a finding, so keep what was given.
    ...(opts.spEntityId !== undefined ? { spEntityId: opts.spEntityId } : {}),
    ...(opts.acsUrl !== undefined ? { acsUrl: opts.acsUrl } : {}),
    ...(opts.signOnUrl !== undefined ? { signOnUrl: opts.signOnUrl } : {}),
  }
}

const BINDING_LABEL: Record<string, string> = { [BINDING.redirect]: 'HTTP-Redirect', [BINDING.post]: 'HTTP-POST' }

function facts(
  md: IdpMetadata,
  entityIds: readonly string[] | undefined,
  signerSha256: string | undefined,
): Record<string, unknown> {
  const ssoByBinding: Record<string, string[]> = {}
  for (const e of md.ssoServices) (ssoByBinding[BINDING_LABEL[e.binding] ?? e.binding] ??= []).push(e.location)
  return {
    entityID: md.entityId ?? null,
    singleSignOnServices: ssoByBinding,
    nameIdFormats: md.nameIdFormats,
    validUntil: md.validUntil ?? null,
    ...(md.cacheDuration !== undefined ? { cacheDuration: md.cacheDuration } : {}),
    wantAuthnRequestsSigned: md.wantAuthnRequestsSigned ?? false,
    signingCertificates: md.signingCertificates.length,
    metadataSigned: md.signed,
    ...(signerSha256 ? { metadataSignedBy: signerSha256 } : {}),
    ...(md.namespace === 'none' ? { namespace: 'recovered: elements are in no namespace' } : {}),
    ...(md.container === 'aggregate' && entityIds ? { aggregateEntityIds: entityIds } : {}),
  }
}
