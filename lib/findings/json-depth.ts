/** Nesting allowed in an imported report or bundle: real ones stay under 10 (evidence values are shallow). */
export const MAX_IMPORTED_DEPTH = 32

/**
 * True when a parsed JSON value nests deeper than `max`. Iterative with an explicit stack, so a value nested
 * 100,000 deep is measured without recursion (the renderers, masking and zod that come after it do recurse).
 * Linear in the number of nodes; stops at the first path that is too deep.
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<{ v: unknown; depth: number }> = [{ v: value, depth: 0 }]
  while (stack.length) {
    const { v, depth } = stack.pop()!
    if (v === null || typeof v !== 'object') continue
    if (depth + 1 > max) return true
    const children: unknown[] = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>)
    for (const c of children) if (c !== null && typeof c === 'object') stack.push({ v: c, depth: depth + 1 })
  }
  return false
}
