import type { Report, SubjectKind } from '@/lib/findings'
import { IDP_IDS, idpLabel, type IdpId } from '@/lib/idps'

export const KIND_LABEL: Record<SubjectKind, string> = {
  'saml-metadata': 'SAML metadata',
  'oidc-discovery': 'OIDC discovery',
  'saml-response': 'SAML response',
  'saml-test-login': 'SAML test login',
  'oidc-test-login': 'OIDC test login',
  'oidc-id-token': 'OIDC ID token',
  har: 'HAR file',
  explain: 'Error explanation',
}

/** The IdP's name as admins know it, from its pack (lib/idps); an unknown id (a newer report) reads as itself. */
export function idpName(id: string): string {
  return IDP_IDS.includes(id as IdpId) ? idpLabel(id) : id
}

/** ISO timestamp as `2026-11-22 14:05 UTC`: fixed format, so server and client render the same text. */
export function formatInstant(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC'
}

export function formatDate(iso: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 10)
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** `sso-preflight-saml-metadata-2026-11-22.json`: kind and check date, nothing personal. */
export function reportFileName(report: Report, ext: 'json' | 'md'): string {
  return `sso-preflight-${report.subject.kind}-${formatDate(report.checkedAt)}.${ext}`
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / 86_400_000)
}
