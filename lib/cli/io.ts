import { readFile } from 'node:fs/promises'
import { usageError } from '../errors'
import type { ReportFormat } from './format'

/** What a command may touch: the streams and the file system, injectable for tests. */
export interface CliIo {
  readonly stdout: { write(s: string): unknown; isTTY?: boolean }
  readonly stderr: { write(s: string): unknown }
  readonly env: Readonly<Record<string, string | undefined>>
  readFile(path: string): Promise<string>
  /** The report format chosen with `--format` (taken out of the arguments by main). */
  readonly format?: ReportFormat
  /** `--mask`: personal values masked as in what is saved or shared (taken out of the arguments by main). */
  readonly mask?: boolean
}

export const processIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  readFile: (p) => readFile(p, 'utf8'),
}

/** Reads an input file; a missing or unreadable file is a usage error (exit 2), not a finding. */
export async function readInputFile(io: CliIo, path: string, what: string): Promise<string> {
  try {
    return await io.readFile(path)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw usageError(
      `${what} ${JSON.stringify(path)}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot be read'}`,
      err,
    )
  }
}

/**
 * A positional that names a URL of any scheme (`https:`, `file:`, `data:`, `javascript:`...) rather than a file: it goes
 * to lib/net, which fetches only http(s) and answers anything else with NET_SCHEME_NOT_ALLOWED (a finding, exit 1),
 * instead of a misleading "no such file". Two letters at least, so a Windows drive (`C:\\x.xml`) stays a path.
 */
export function isUrlArgument(source: string): boolean {
  return /^[a-z][a-z0-9+.-]+:/i.test(source)
}

export function useColor(io: CliIo): boolean {
  return Boolean(io.stdout.isTTY) && !io.env.NO_COLOR && io.env.TERM !== 'dumb'
}
