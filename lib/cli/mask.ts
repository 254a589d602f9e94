import type { Report } from '../findings/report'
import { maskReport } from '../store/mask'

/*
 * The CLI prints what it read unmasked (the signed NameID, every attribute value), since CI pipelines assert on them;
 * `--mask` gives the form fit for sharing: the same masking the store applies to everything it saves.
 */

/** `--mask` is the same for every command, so main takes it out of the arguments before the command parses the rest. */
export function takeMaskFlag(argv: readonly string[]): { mask: boolean; rest: string[] } {
  const rest = argv.filter((a) => a !== '--mask')
  return { mask: rest.length !== argv.length, rest }
}

/** The one place the CLI masks a report (the masking itself lives in lib/store/mask.ts). */
export function reportForOutput(report: Report, o: { mask?: boolean | undefined }): Report {
  return o.mask ? maskReport(report) : report
}
