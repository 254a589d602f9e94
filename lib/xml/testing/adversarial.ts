/*
 * Hostile XML shapes from the issue 7 probes, as generators: the tests (linear time, findings) and
 * scripts/probe-hostile-xml.ts (before / after figures) build the same documents.
 */

const SAMLP = 'urn:oasis:names:tc:SAML:2.0:protocol'

/** A root declaring `rootDecls` namespaces and `children` children declaring one more each (the 320 KB ACS probe at 10,000 / 10,000). */
export function namespaceFlood(rootDecls: number, children: number): string {
  let s = `<samlp:Response xmlns:samlp="${SAMLP}"`
  for (let i = 0; i < rootDecls; i++) s += ` xmlns:r${i}="u:${i}"`
  s += '>'
  for (let i = 0; i < children; i++) s += `<c${i} xmlns:c${i}="v:${i}"/>`
  return s + '</samlp:Response>'
}

/** One element with `n` distinct attributes (the 1 MB probe at 100,000). */
export function attributeFlood(n: number): string {
  let s = '<r'
  for (let i = 0; i < n; i++) s += ` a${i}="1"`
  return s + '/>'
}

/** One element with `n` attributes in `n` distinct namespaces (namespaced duplicate detection, scope lookups). */
export function prefixedAttributeFlood(n: number): string {
  let s = '<r'
  for (let i = 0; i < n; i++) s += ` xmlns:p${i}="u:${i}"`
  for (let i = 0; i < n; i++) s += ` p${i}:a="1"`
  return s + '/>'
}

/** `depth` nested elements, each declaring a namespace and using a prefix bound at the root. */
export function deepNamespaces(depth: number): string {
  let s = '<r xmlns:a="u:a">'
  for (let i = 0; i < depth; i++) s += `<a:e xmlns:d${i}="u:${i}" d${i}:x="1">`
  for (let i = 0; i < depth; i++) s += '</a:e>'
  return s + '</r>'
}

/** `count` siblings under a root, each declaring one namespace and using it (c14n of wide scopes). */
export function wideNamespaces(count: number): string {
  let s = '<r xmlns="u:default">'
  for (let i = 0; i < count; i++) s += `<p${i}:e xmlns:p${i}="u:${i}" p${i}:x="1">t</p${i}:e>`
  return s + '</r>'
}

/** An element and attribute name of `n` characters. */
export function longName(n: number): string {
  const name = 'a'.repeat(n)
  return `<${name} ${name}x="1"></${name}>`
}
