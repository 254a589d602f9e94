import { isoTime } from '../../time/iso'

// xs:dateTime as SAML uses it: UTC, optional fraction of any length (Entra 3 digits, B2C 7), 'Z' or an offset.
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:(Z)|([+-])(\d{2}):(\d{2}))?$/

/** 400 years of the Gregorian calendar: 146,097 days exactly. */
const GREGORIAN_CYCLE_MS = 146_097 * 86_400_000

/**
 * Milliseconds since the epoch, or NaN when the value is not an xs:dateTime. A missing zone is read as UTC; a fraction
 * counts to the millisecond. Computed from the fields with the ranges `Date.parse` accepts for this form (month 1-12,
 * day 1-31 rolling over as Date.parse does, hour 24 only at 24:00:00.000, zone hours 0-23), because Date.parse on the
 * built string cost about 1 µs a call and a validation reads six or seven times (time.test.ts compares the two).
 */
export function parseSamlTime(value: string): number {
  const m = DATE_TIME_RE.exec(value.trim())
  if (!m) return NaN
  const year = +m[1]!,
    month = +m[2]!,
    day = +m[3]!,
    hour = +m[4]!,
    minute = +m[5]!,
    second = +m[6]!
  const ms = m[7] ? +m[7].slice(0, 3).padEnd(3, '0') : 0
  if (month < 1 || month > 12 || day < 1 || day > 31 || minute > 59 || second > 59) return NaN
  if (hour > 24 || (hour === 24 && (minute !== 0 || second !== 0 || ms !== 0))) return NaN
  let offset = 0
  if (m[9]) {
    const oh = +m[10]!,
      om = +m[11]!
    if (oh > 23 || om > 59) return NaN
    offset = (m[9] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000
  }
  // Date.UTC reads years 0-99 as 1900-1999: those are computed 400 years later (one whole Gregorian cycle) and moved back.
  if (year < 100) return Date.UTC(year + 400, month - 1, day, hour, minute, second, ms) - GREGORIAN_CYCLE_MS - offset
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset
}

export function iso(ms: number): string {
  return isoTime(ms)
}
