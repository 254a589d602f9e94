/*
 * Date → ISO 8601 text, remembered. `Date.prototype.toISOString` costs ~630 ns on Node 20 (a runtime call), and one
 * validation formats the same few instants (its clock, the signing certificate's validity) seven or eight times: about
 * 3% of a signed-response validation. The text is a pure function of the time value, so a small table is exact.
 */
const MAX_ENTRIES = 256
const texts = new Map<number, string>()

/** `d.toISOString()` for a valid date (an invalid one throws a RangeError, as toISOString does). */
export function isoTime(d: Date | number): string {
  const ms = typeof d === 'number' ? d : d.getTime()
  const known = texts.get(ms)
  if (known !== undefined) return known
  const text = new Date(ms).toISOString()
  if (texts.size >= MAX_ENTRIES) texts.clear()
  texts.set(ms, text)
  return text
}
