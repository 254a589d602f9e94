import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { PreflightError } from '../errors'

/** Group- or world-writable: anyone else on the machine could swap or edit the database files. */
const OTHERS_WRITE = 0o022
const OTHERS_ANY = 0o077

/**
 * The PGlite data directory holds runs, connections and reports: it is created 0700, and an existing one that
 * others may write to is refused (not silently fixed: someone may already have changed it) with the command that
 * fixes it. One that others may only read is tightened to 0700.
 */
export function prepareDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const st = statSync(dataDir)
  if (!st.isDirectory()) {
    throw new PreflightError(
      `the data directory ${dataDir} is not a directory; set SSO_PREFLIGHT_DATA_DIR to a directory`,
      { code: 'ERR_STORE_UNAVAILABLE' },
    )
  }
  const mode = st.mode & 0o777
  if (mode & OTHERS_WRITE) {
    throw new PreflightError(
      `refusing to use the data directory ${dataDir}: it is ${mode & 0o002 ? 'world' : 'group'}-writable (mode ${mode.toString(8).padStart(4, '0')}), ` +
        `so other users could read or change stored runs and reports. Fix it with: chmod 700 ${dataDir} (and chmod -R go-rwx ${dataDir})`,
      { code: 'ERR_STORE_UNAVAILABLE' },
    )
  }
  if (mode & OTHERS_ANY) chmodSync(dataDir, 0o700)
}

/**
 * Directories 0700, files 0600, under the data directory. PGlite's NODEFS writes its initial cluster files 0666 and
 * ignores the process umask (measured: 968 of 972 files 0666 under umask 077), so the modes are set after it has
 * written them. Symlinks are not followed. One pass over the tree: linear in the number of entries.
 */
export function restrictDataDir(dataDir: string): void {
  const pending = [dataDir]
  while (pending.length) {
    const dir = pending.pop()!
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (lstatSync(path).mode & OTHERS_ANY) chmodSync(path, 0o700)
        pending.push(path)
      } else if (entry.isFile() && lstatSync(path).mode & OTHERS_ANY) {
        chmodSync(path, 0o600)
      }
    }
  }
}
