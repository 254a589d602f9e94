// Test support (not product code): what a Markdown line says outside its code spans.

/** Drops code spans as CommonMark does (a run of n backticks up to the next run of exactly n); the rest is prose. */
export function prose(line: string): string {
  let out = ''
  let i = 0
  while (i < line.length) {
    if (line[i] !== '`' || (i > 0 && line[i - 1] === '\\')) {
      out += line[i]
      i++
      continue
    }
    let n = 0
    while (line[i + n] === '`') n++
    const fence = '`'.repeat(n)
    let j = i + n
    let close = -1
    while ((j = line.indexOf(fence, j)) !== -1) {
      if (line[j + n] !== '`' && line[j - 1] !== '`') {
        close = j
        break
      }
      while (line[j] === '`') j++
    }
    if (close === -1) {
      out += line.slice(i, i + n)
      i += n
      continue
    }
    i = close + n
  }
  return out
}
