import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, test } from 'vitest'

const ROOT = new URL('../../', import.meta.url).pathname
const APP = join(ROOT, 'app')

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(join(dir, e.name)) : e.name === 'route.ts' ? [join(dir, e.name)] : [],
  )
}

describe('one body gate', () => {
  test('no route handler reads a request body around the capped reader (formData(), json(), text(), arrayBuffer(), blob())', () => {
    const files = routeFiles(APP)
    expect(files.length).toBeGreaterThan(10)
    const offenders = files.filter((f) =>
      /\brequest\.(formData|json|text|arrayBuffer|blob)\(\)/.test(readFileSync(f, 'utf8')),
    )
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([])
  })
})
