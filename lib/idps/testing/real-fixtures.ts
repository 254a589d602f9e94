import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { decodeSamlMessage } from '../../saml/response/decode'
import { parseSafeXml } from '../../xml/parse'
import { isElement, ownText } from '../../xml/query'
import type { XmlElement } from '../../xml/types'
import { metadataSignals } from '../../saml/metadata/detect-idp'
import { readMetadata } from '../../saml/metadata/read'
import type { IdpSignals } from '../detect'

/* Test support (not product code): the signals each real fixture offers, read the way the product's faces read them. */

export const REAL_DIR = '../shared/fixtures/real'

export function realFixtureFiles(dir = REAL_DIR): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...realFixtureFiles(p))
    else if (name !== 'SOURCES.md') out.push(relative(REAL_DIR, p))
  }
  return out
}

function* walk(el: XmlElement): Generator<XmlElement> {
  yield el
  for (const c of el.children) if (isElement(c)) yield* walk(c)
}

/** What a file tells about its IdP: metadata, a response, a certificate, an OIDC document or nothing (parameters). */
export function signalsOfFixture(rel: string): IdpSignals {
  const text = readFileSync(join(REAL_DIR, rel), 'utf8')
  if (rel.endsWith('.pem')) return { certificates: [text] }
  if (rel.endsWith('params.json')) return {}
  if (rel.endsWith('.json')) return oidcSignals(JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>)
  const decoded = decodeSamlMessage(text)
  if (!decoded.ok) return {}
  const doc = parseSafeXml(decoded.value.xml)
  if (!doc.ok) return {}
  if (doc.value.root.local === 'EntityDescriptor' || doc.value.root.local === 'EntitiesDescriptor') {
    const md = readMetadata(doc.value).metadata
    return md ? metadataSignals(md) : {}
  }
  // A response (or a bare assertion): the first Issuer in document order is the Response's (else the Assertion's).
  const all = [...walk(doc.value.root)]
  const issuer = all.find((e) => e.local === 'Issuer')
  return {
    responseIssuer: issuer ? ownText(issuer).trim() : undefined,
    certificates: all.filter((e) => e.local === 'X509Certificate').map((e) => ownText(e)),
  }
}

function oidcSignals(json: Record<string, unknown>): IdpSignals {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined)
  if (Array.isArray(json.keys)) {
    const keys = json.keys.filter((k): k is Record<string, unknown> => typeof k === 'object' && k !== null)
    return {
      oidcIssuers: keys.map((k) => str(k.issuer)),
      certificates: keys.flatMap((k) =>
        Array.isArray(k.x5c) ? k.x5c.filter((c): c is string => typeof c === 'string') : [],
      ),
    }
  }
  return { oidcIssuers: [str(json.issuer)], endpoints: [str(json.authorization_endpoint), str(json.token_endpoint)] }
}
