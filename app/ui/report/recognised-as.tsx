/** The input's kind as the detector read it (lib/input/detect-input.ts), from `facts.detectedInput`. */
export function recognisedAs(facts: Record<string, unknown> | undefined): string | undefined {
  const d = facts?.detectedInput
  if (!d || typeof d !== 'object') return undefined
  const description = (d as { description?: unknown }).description
  return typeof description === 'string' && description ? description : undefined
}

/** "Recognised as: JWKS (a key set, not a discovery document)": what was given, said before any finding. */
export function RecognisedAs({ description }: { description: string }) {
  return (
    <p className="recognised-as" data-testid="recognised-as">
      Recognised as: <strong>{description}</strong>
    </p>
  )
}
