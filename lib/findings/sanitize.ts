/**
 * Untrusted text on its way out: one helper for the terminal, one for Markdown. Every value a report carries
 * (evidence, entity IDs, subject fields, certificate subjects) can come from an attacker's document, so neither
 * face of the report may let it act as markup or as a terminal / CI-runner command. JSON needs none of this: its
 * encoding already keeps a value a value.
 *
 * Hand-written single passes (one regex with a fixed character class, no nesting), so every helper is linear.
 */

/** C0 controls, DEL and C1 controls. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
/** Bidi embedding / override / isolate marks and the LRM / RLM marks: they reorder what a reader sees (Trojan Source). */
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/
const UNSAFE_ALL = new RegExp(`${CONTROL.source}|${BIDI.source}`, 'g')

const hex = (code: number, width: number) => code.toString(16).toUpperCase().padStart(width, '0')

/**
 * A value for the terminal, on one line: newlines shown as ⏎, every other C0 / C1 control and bidi mark as a
 * visible escape (`\x1B`, `\u202E`), so an ESC sequence in an ID token cannot clear the screen or print a fake GO.
 * Azure Pipelines reads `##vso[` anywhere in a line, so that (and `##[`) is broken up too.
 */
export function terminalText(s: string): string {
  const parts: string[] = []
  let from = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    let escaped: string
    if (c === 0x23 && s.charCodeAt(i + 1) === 0x23) {
      // `##[` and `##vso[` (any case): a backslash before the bracket.
      const j = s.charCodeAt(i + 2) === 0x5b ? i + 2 : s.slice(i + 2, i + 6).toLowerCase() === 'vso[' ? i + 5 : -1
      if (j === -1) continue
      parts.push(s.slice(from, j), '\\[')
      from = j + 1
      i = j
      continue
    }
    if (
      c >= 0x20 &&
      !(c >= 0x7f && c <= 0x9f) &&
      c !== 0x2028 &&
      c !== 0x2029 &&
      c !== 0x200e &&
      c !== 0x200f &&
      !(c >= 0x202a && c <= 0x202e) &&
      !(c >= 0x2066 && c <= 0x2069)
    )
      continue
    if (c === 0x0d && s.charCodeAt(i + 1) === 0x0a) {
      parts.push(s.slice(from, i), '⏎')
      from = i + 2
      i++
      continue
    } // CRLF: one break
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) escaped = '⏎'
    else escaped = c <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`
    parts.push(s.slice(from, i), escaped)
    from = i + 1
  }
  if (from === 0) return s
  parts.push(s.slice(from))
  return parts.join('')
}

/**
 * A CI runner (GitHub Actions `::error::`, Azure `##vso[` / `##[`) reads a line as a command when it starts so, after
 * leading blanks. Matched at line starts only; the blanks scanned belong to that line, so the pass stays linear.
 */
const CI_COMMAND_LINE_START = /^(?=[^\S\n]*(?:::|##(?:vso)?\[))/gim

/** The last guard on terminal output: a line a CI runner would obey is prefixed with a backslash so it is printed, not run. */
export function neutraliseCiCommands(text: string): string {
  return text.replace(CI_COMMAND_LINE_START, '\\')
}

/**
 * Untrusted text made inert for Markdown prose: controls and bidi marks removed, newlines turned into spaces
 * (a newline is how an entityID injected a heading), and every character that opens markup backslash-escaped: `[` `]`
 * (links, images), `<` (HTML, autolinks), `&` (entities such as `&#x202E;`), `#`, emphasis, code and table pipes.
 */
export function markdownText(s: string): string {
  return markdownPlain(s).replace(/[\\`*_<>[\]|#~&]/g, '\\$&')
}

/** Controls and bidi marks removed, line breaks turned into spaces: the value stays on the line it was put on. */
export function markdownPlain(s: string): string {
  return s
    .replace(/\r\n|[\n\r\u2028\u2029\u0085]/g, ' ')
    .replace(/\t/g, ' ')
    .replace(UNSAFE_ALL, '')
}

/**
 * An untrusted value as a Markdown code span: nothing inside a code span is markup. The fence is one backtick
 * longer than the longest run inside the value (CommonMark 6.1), with a space of padding when the value starts or
 * ends with a backtick or a space. In a GFM table cell a `|` ends the cell even inside a code span, so it is escaped there.
 */
export function markdownCode(s: string, opts: { inTable?: boolean } = {}): string {
  let v = markdownPlain(s)
  if (opts.inTable) v = v.replace(/\|/g, '\\|')
  let longest = 0
  let run = 0
  for (let i = 0; i < v.length; i++) {
    if (v.charCodeAt(i) === 96) {
      run++
      if (run > longest) longest = run
    } else run = 0
  }
  const fence = '`'.repeat(longest + 1)
  if (v === '') return '` `'
  const pad = v.startsWith('`') || v.endsWith('`') || (v.startsWith(' ') && v.endsWith(' ')) ? ' ' : ''
  return fence + pad + v + pad + fence
}
