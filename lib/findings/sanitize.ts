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

const hex = (c: string, width: number) => c.codePointAt(0)!.toString(16).toUpperCase().padStart(width, '0')

/**
 * A value for the terminal, on one line: newlines shown as ⏎, every other C0 / C1 control and bidi mark as a
 * visible escape (`\x1B`, `\u202E`), so an ESC sequence in an ID token cannot clear the screen or print a fake GO.
 * Azure Pipelines reads `##vso[` anywhere in a line, so that (and `##[`) is broken up too.
 */
export function terminalText(s: string): string {
  return s
    .replace(/\r\n|[\n\r\u2028\u2029]|[\u0000-\u0009\u000b-\u000c\u000e-\u001f\u007f-\u009f]|[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
      if (c === '\r\n' || c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029') return '⏎'
      const code = c.codePointAt(0)!
      return code <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`
    })
    .replace(/##(vso)?\[/gi, (m) => m.slice(0, -1) + '\\[')
}

/** A CI runner (GitHub Actions `::error::`, Azure `##vso[` / `##[`) reads a line as a command when it starts so, after leading blanks. */
const CI_COMMAND_LINE = /^\s*(?:::|##(?:vso)?\[)/i

/** The last guard on terminal output: a line a CI runner would obey is prefixed with a backslash so it is printed, not run. */
export function neutraliseCiCommands(text: string): string {
  return text.split('\n').map((line) => (CI_COMMAND_LINE.test(line) ? '\\' + line : line)).join('\n')
}

/**
 * Untrusted text made inert for Markdown prose: controls and bidi marks removed, newlines turned into spaces
 * (a newline is how an entityID injected a heading), and every character that starts markup backslash-escaped.
 */
export function markdownText(s: string): string {
  return markdownPlain(s).replace(/[\\`*_<>[\]()|#!~&]/g, '\\$&')
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
    if (v.charCodeAt(i) === 96) { run++; if (run > longest) longest = run } else run = 0
  }
  const fence = '`'.repeat(longest + 1)
  if (v === '') return '` `'
  const pad = v.startsWith('`') || v.endsWith('`') || (v.startsWith(' ') && v.endsWith(' ')) ? ' ' : ''
  return fence + pad + v + pad + fence
}
