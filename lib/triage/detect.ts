import { detectInput, samlFormValue, type DetectedInput } from '../input/detect-input'

export { samlFormValue }

/** What a pasted or dropped text is, as far as triage routes it. */
export type TriageInputKind =
  'har' | 'report' | 'support-bundle' | 'jwt' | 'saml' | 'saml-metadata' | 'oidc-discovery' | 'text'

/** Which triage check runs for each detected input; every other kind is read as text (and never earns a GO). */
export function triageKindOf(d: DetectedInput): TriageInputKind {
  switch (d.kind) {
    case 'har':
      return 'har'
    case 'report':
      return 'report'
    case 'support-bundle':
      return 'support-bundle'
    case 'id-token':
      return 'jwt'
    case 'saml-response':
    case 'saml-assertion':
    case 'saml-request':
    case 'saml-logout':
      return 'saml'
    case 'saml-metadata':
      return 'saml-metadata'
    // A JWKS goes the discovery way too: its check answers with the one finding that says what it is instead.
    case 'oidc-discovery':
    case 'jwks':
      return 'oidc-discovery'
    default:
      return 'text'
  }
}

/** Auto-detects what was pasted (lib/input/detect-input.ts is the one detector) and names the triage route. */
export function detectTriageInput(text: string): TriageInputKind {
  return triageKindOf(detectInput(text))
}
