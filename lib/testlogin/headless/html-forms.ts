/**
 * Reads the forms of an IdP's HTML page: enough for a headless test login to fill a username / password form and to
 * capture the self-posting SAMLResponse form. Hand-written rather than an HTML parser dependency because it needs
 * only start tags, and it must stay linear on hostile pages: one pass, indexOf-driven, no backtracking regexes.
 */

export interface HtmlInput {
  readonly name: string
  readonly type: string
  readonly value: string
}

export interface HtmlForm {
  readonly action: string
  readonly method: 'get' | 'post'
  readonly inputs: readonly HtmlInput[]
}

const MAX_FORMS = 20
const MAX_INPUTS = 200
/** Only these tags matter; the attributes of every other tag are never read (a page of 100,000 tags allocates nothing). */
const INTERESTING = new Set(['form', '/form', 'input', 'button', 'script', 'style'])

/** The page's forms in document order (at most 20, each at most 200 inputs). */
export function readForms(html: string): HtmlForm[] {
  const forms: { action: string; method: 'get' | 'post'; inputs: HtmlInput[] }[] = []
  let current: (typeof forms)[number] | undefined
  let i = 0
  while (i < html.length && forms.length <= MAX_FORMS) {
    const lt = html.indexOf('<', i)
    if (lt === -1) break
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4)
      i = end === -1 ? html.length : end + 3
      continue
    }
    const gt = tagEnd(html, lt + 1)
    if (gt === -1) break
    const tag = readTag(html.slice(lt + 1, gt))
    i = gt + 1
    if (!tag) continue
    if (tag.name === 'script' || tag.name === 'style') {
      // Their text is not markup: skip to the closing tag.
      i = closingTag(html, tag.name, i)
      continue
    }
    if (tag.name === 'form') {
      current = {
        action: tag.attrs.get('action') ?? '',
        method: tag.attrs.get('method')?.toLowerCase() === 'get' ? 'get' : 'post',
        inputs: [],
      }
      forms.push(current)
    } else if (tag.name === '/form') current = undefined
    else if (current && (tag.name === 'input' || tag.name === 'button') && current.inputs.length < MAX_INPUTS) {
      const name = tag.attrs.get('name')
      if (name === undefined) continue
      const type = (tag.attrs.get('type') ?? (tag.name === 'button' ? 'submit' : 'text')).toLowerCase()
      current.inputs.push({ name, type, value: tag.attrs.get('value') ?? '' })
    }
  }
  return forms.slice(0, MAX_FORMS)
}

/** Where `</name` starts (case-insensitive), or the end of the text. */
function closingTag(html: string, name: string, from: number): number {
  for (let k = html.indexOf('</', from); k !== -1; k = html.indexOf('</', k + 2)) {
    if (html.slice(k + 2, k + 2 + name.length).toLowerCase() === name) return k
  }
  return html.length
}

/** The `>` that ends a tag, skipping quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote = ''
  for (let j = from; j < html.length; j++) {
    const c = html[j]!
    if (quote) {
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") quote = c
    else if (c === '>') return j
  }
  return -1
}

function readTag(body: string): { name: string; attrs: Map<string, string> } | undefined {
  let j = 0
  const isSpace = (c: string | undefined) =>
    c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f' || c === '/'
  const nameStart = j
  if (body[j] === '/') j++
  while (j < body.length && !isSpace(body[j]) && body[j] !== '>') j++
  const name = body.slice(nameStart, j).toLowerCase()
  if (!INTERESTING.has(name)) return undefined
  const attrs = new Map<string, string>()
  while (j < body.length) {
    while (j < body.length && isSpace(body[j])) j++
    const aStart = j
    while (j < body.length && !isSpace(body[j]) && body[j] !== '=') j++
    const attr = body.slice(aStart, j).toLowerCase()
    if (!attr) break
    while (j < body.length && (body[j] === ' ' || body[j] === '\n' || body[j] === '\t' || body[j] === '\r')) j++
    let value = ''
    if (body[j] === '=') {
      j++
      while (j < body.length && (body[j] === ' ' || body[j] === '\n' || body[j] === '\t' || body[j] === '\r')) j++
      const q = body[j]
      if (q === '"' || q === "'") {
        const end = body.indexOf(q, j + 1)
        value = body.slice(j + 1, end === -1 ? body.length : end)
        j = end === -1 ? body.length : end + 1
      } else {
        const vStart = j
        while (j < body.length && !isSpace(body[j]) && body[j] !== '>') j++
        value = body.slice(vStart, j)
      }
    }
    if (!attrs.has(attr)) attrs.set(attr, decodeEntities(value))
  }
  return { name, attrs }
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

/** The character references an attribute value may carry (named basics, decimal, hex); unknown ones stay as written. */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,6});/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return NAMED[ref] ?? whole
  })
}
