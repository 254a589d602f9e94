import type { XmlDocument, XmlElement } from './types'

/*
 * A readable view of a SAML message: the document's OWN text, one tag per line, indented by the depth our parser
 * found. Nothing is re-serialised: start tags (attributes, quotes, namespace declarations) and leaf contents (with
 * their entities as written) are slices of the source, so what is shown is what was sent. Elements a finding points
 * at (evidence.where paths such as /Response/Assertion/Conditions/AudienceRestriction/Audience) are marked.
 * Linear in the input: every slice is found by a forward scan that no other element repeats.
 */

export interface PrettyXmlLine {
  /** Nesting depth (0 = root). */
  readonly depth: number
  readonly text: string
  /** The element's path by local names (/Response/Assertion/Issuer); absent for comments. */
  readonly path?: string
  /** True when a finding's `where` points at this element (or one of its attributes). */
  readonly highlight: boolean
}

export interface PrettyXml {
  readonly lines: readonly PrettyXmlLine[]
  /** True when maxLines cut the view short. */
  readonly truncated: boolean
}

/**
 * @param source the text the document was parsed from (BOM and CR are normalised here as the parser does, so
 *   element offsets line up).
 * @example prettyXml(xml, doc, { highlight: report.findings.map((f) => f.evidence.where) })
 */
export function prettyXml(
  source: string,
  doc: XmlDocument,
  o: { highlight?: readonly (string | undefined)[]; maxLines?: number } = {},
): PrettyXml {
  const src = normalise(source)
  const targets = (o.highlight ?? []).flatMap((w) => (w === undefined ? [] : whereSegments(w)))
  // A page shows a SAML message, not a federation aggregate: beyond this the view says it was cut short.
  const maxLines = o.maxLines ?? 5_000
  const lines: PrettyXmlLine[] = []
  let truncated = false
  const push = (line: PrettyXmlLine) => {
    if (lines.length >= maxLines) {
      truncated = true
      return false
    }
    lines.push(line)
    return true
  }

  // Depth-first with an explicit stack (the parser caps depth, but no recursion is needed either way).
  type Frame = { el: XmlElement; path: string[]; childIndex: number; hit: boolean; opened: boolean }
  const stack: Frame[] = [{ el: doc.root, path: [doc.root.local], childIndex: 0, hit: false, opened: false }]
  while (stack.length && !truncated) {
    const f = stack[stack.length - 1]!
    const { el } = f
    if (!f.opened) {
      f.opened = true
      f.hit = targets.some((t) => endsWith(f.path, t))
      const tagEnd = startTagEnd(src, el.start)
      const startTag = src.slice(el.start, tagEnd)
      const pathText = '/' + f.path.join('/')
      if (startTag.endsWith('/>')) {
        push({ depth: el.depth, text: startTag, path: pathText, highlight: f.hit })
        stack.pop()
        continue
      }
      if (!el.children.some((c) => c.type === 'element' || c.type === 'comment')) {
        // A leaf: start tag, its content as written, end tag, on one line.
        const close = src.indexOf(`</${el.name}`, tagEnd)
        const closeEnd = close < 0 ? -1 : src.indexOf('>', close)
        const text = close < 0 || closeEnd < 0 ? startTag : src.slice(el.start, closeEnd + 1)
        push({ depth: el.depth, text: collapseBlank(text), path: pathText, highlight: f.hit })
        stack.pop()
        continue
      }
      push({ depth: el.depth, text: startTag, path: pathText, highlight: f.hit })
    }
    const child = el.children[f.childIndex++]
    if (child === undefined) {
      push({ depth: el.depth, text: `</${el.name}>`, path: '/' + f.path.join('/'), highlight: f.hit })
      stack.pop()
    } else if (child.type === 'element') {
      stack.push({ el: child, path: [...f.path, child.local], childIndex: 0, hit: false, opened: false })
    } else if (child.type === 'comment') {
      push({ depth: el.depth + 1, text: `<!--${child.value}-->`, highlight: false })
    } else if (child.type === 'text' && child.value.trim() !== '') {
      // Mixed content (rare in SAML): the decoded text, since text nodes carry no source offset.
      push({ depth: el.depth + 1, text: child.value.trim(), path: '/' + f.path.join('/'), highlight: f.hit })
    }
  }
  return { lines, truncated }
}

/** The document as indented text (two spaces a level), for a <pre> or a copy button. */
export function prettyXmlText(view: PrettyXml): string {
  return view.lines.map((l) => '  '.repeat(l.depth) + l.text).join('\n')
}

function normalise(text: string): string {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  return s.indexOf('\r') === -1 ? s : s.replace(/\r\n?/g, '\n')
}

/** Index just past the '>' that closes the start tag at `start`, skipping '>' inside quoted attribute values. */
function startTagEnd(src: string, start: number): number {
  let quote = ''
  for (let i = start + 1; i < src.length; i++) {
    const c = src[i]
    if (quote) {
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") quote = c
    else if (c === '>') return i + 1
  }
  return src.length
}

// Leaves holding base64 (SignatureValue, X509Certificate) are often wrapped: join the lines so the view wraps them.
function collapseBlank(text: string): string {
  return text.includes('\n') ? text.replace(/\s*\n\s*/g, '') : text
}

/**
 * `/Response/Assertion/Conditions/AudienceRestriction/Audience`, `/Assertion/Subject/@InResponseTo`,
 * `IDPSSODescriptor/KeyDescriptor` → element local names; attribute steps and predicates dropped. Free-text wheres
 * ("RelayState", "token endpoint") and the bare root "/" point at no element.
 */
function whereSegments(where: string): string[][] {
  if (/\s/.test(where) || !where.includes('/')) return []
  const steps = where
    .replace(/\[[^\]]*\]/g, '')
    .split('/')
    .filter((s) => s !== '' && !s.startsWith('@'))
  return steps.length ? [steps.map((s) => s.slice(s.indexOf(':') + 1))] : []
}

function endsWith(path: readonly string[], tail: readonly string[]): boolean {
  if (tail.length > path.length) return false
  for (let i = 1; i <= tail.length; i++) if (path[path.length - i] !== tail[tail.length - i]) return false
  return true
}
