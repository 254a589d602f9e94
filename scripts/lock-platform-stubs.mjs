// The npm registry reachable here serves no darwin/win32 builds of @next/swc for our Next.js version, so
// `npm install` leaves them out of package-lock.json and `npm ci` then refuses the lock as out of sync. These
// packages are optional and never installed on Linux (os/cpu do not match), so their lock entries only need to
// exist: this adds them (without integrity; npm never fetches them here). Run after any `npm install`.
import { readFileSync, writeFileSync } from 'node:fs'

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'))
const next = lock.packages['node_modules/next']
const PLATFORMS = {
  '@next/swc-darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  '@next/swc-darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  '@next/swc-win32-arm64-msvc': { os: ['win32'], cpu: ['arm64'] },
  '@next/swc-win32-x64-msvc': { os: ['win32'], cpu: ['x64'] },
}
let added = 0
for (const [name, platform] of Object.entries(PLATFORMS)) {
  const version = next?.optionalDependencies?.[name]
  const key = `node_modules/${name}`
  if (!version || lock.packages[key]) continue
  lock.packages[key] = {
    version,
    cpu: platform.cpu,
    license: 'MIT',
    optional: true,
    os: platform.os,
    engines: { node: '>= 10' },
  }
  added++
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
)
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n')
console.log(`lock-platform-stubs: added ${added} optional platform entr${added === 1 ? 'y' : 'ies'}`)
