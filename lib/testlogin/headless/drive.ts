import { PreflightError } from '../../errors'
import type { ChromiumOptions } from './chromium-driver'
import { drivePages, type DriveOptions, type DriveOutcome, type PageRequest } from './page-driver'

/** Who plays the browser: the HTTP form driver, a real browser engine, or the HTTP driver with the browser as fallback. */
export const LOGIN_DRIVERS = ['auto', 'http', 'chromium'] as const
export type LoginDriver = (typeof LOGIN_DRIVERS)[number]

export interface DriverChoice {
  /** Default `auto`: the HTTP form driver, and Chromium when a login page needs script (if Playwright is installed). */
  readonly driver?: LoginDriver
  /** Where the browser binary is named (PLAYWRIGHT_CHROMIUM_PATH). */
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly chromium?: ChromiumOptions
}

/**
 * Runs the sign-in with the chosen driver. The browser driver (and Playwright with it) is loaded only when it runs:
 * the HTTP driver's logins and every other command never pay for it.
 */
export async function driveLogin(first: PageRequest, o: DriveOptions & DriverChoice): Promise<DriveOutcome> {
  const driver = o.driver ?? 'auto'
  const viaBrowser = async () => {
    const { driveWithChromium } = await import('./chromium-driver')
    return driveWithChromium(first, { ...o, env: o.env ?? {}, ...(o.chromium ? { chromium: o.chromium } : {}) })
  }
  if (driver === 'chromium') return viaBrowser()
  const timelineBefore = o.timeline.length
  const outcome = await drivePages(first, o)
  if (driver === 'http' || outcome.kind !== 'stopped' || !outcome.needsBrowser) return outcome
  const { playwrightAvailable } = await import('./chromium-driver')
  if (!(await playwrightAvailable())) return outcome
  // The page needs script: start over in the browser (a fresh session; the HTTP driver's steps stay on the timeline).
  // A browser that cannot start leaves the HTTP driver's finding standing.
  o.timeline.splice(timelineBefore, 0, {
    at: new Date().toISOString(),
    kind: 'redirect',
    summary: 'the login page needs script: continuing in Chromium',
  })
  try {
    return await viaBrowser()
  } catch (err) {
    if (!(err instanceof PreflightError && err.code === 'ERR_USAGE')) throw err
    o.timeline.push({ at: new Date().toISOString(), kind: 'redirect', summary: `Chromium not used: ${err.message}` })
    return outcome
  }
}
