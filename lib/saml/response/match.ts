const patternCache = new Map<string, RegExp | null>()

/** A profile pattern compiled once; an invalid pattern (a broken custom profile) matches nothing rather than throwing. */
export function profilePattern(source: string): RegExp | null {
  let re = patternCache.get(source)
  if (re === undefined) {
    try {
      re = new RegExp(source)
    } catch {
      re = null
    }
    if (patternCache.size > 256) patternCache.clear()
    patternCache.set(source, re)
  }
  return re
}

/**
 * What a value must be: the exact value the admin typed, else the profile's pattern (with its human template as
 * "expected"), else nothing to compare with.
 */
export interface Expectation {
  readonly exact?: string
  readonly pattern?: RegExp
  readonly template?: string
}

export function expectation(
  exact: string | undefined,
  pattern: string | undefined,
  template: string | undefined,
): Expectation | undefined {
  if (exact) return { exact }
  const re = pattern ? profilePattern(pattern) : null
  if (re) return { pattern: re, ...(template ? { template } : {}) }
  return undefined
}

export function meets(e: Expectation, value: string): boolean {
  return e.exact !== undefined ? value === e.exact : e.pattern ? e.pattern.test(value) : true
}

export function expectedText(e: Expectation): string {
  return e.exact ?? e.template ?? e.pattern?.source ?? ''
}
