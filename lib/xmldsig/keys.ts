import { createPublicKey } from 'node:crypto'
import { sha256Fingerprint } from '../certs/fingerprint'
import { readCertificate } from '../certs/parse'
import type { TrustedKey } from './types'

/*
 * Certificates from metadata (base64 DER with line breaks, or PEM) → trusted public keys. Certificates are read by
 * lib/certs' one X.509 reader, whose bounded cache makes the same metadata validated again cost a map lookup, and
 * each key carries the parsed certificate so later stages (evidence, expiry, thumbprints) need not read it again.
 * A bare PEM public key (rare: an SP that trusts a key, not a certificate) is read here, uncached.
 */

export interface CertificateProblem {
  /** Index in the list the caller passed. */
  readonly index: number
  readonly detail: string
}

type Reading = Omit<TrustedKey, 'index'> | { readonly error: string }

const PEM_RE = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/

/**
 * The usable keys among `certs`, in order; unparseable entries are skipped (see `certificateProblems`). The answer
 * for a list already seen (the same array, as a connection's trust is checked response after response) is
 * remembered with it: readonly lists, and readings that depend on the text alone.
 */
export function trustedKeysFromCertificates(certs: readonly string[]): readonly TrustedKey[] {
  const known = keysOfList.get(certs)
  if (known) return known
  const keys: TrustedKey[] = []
  certs.forEach((cert, index) => {
    const p = read(cert)
    if ('key' in p) keys.push({ ...p, index })
  })
  Object.freeze(keys)
  keysOfList.set(certs, keys)
  return keys
}
const keysOfList = new WeakMap<readonly string[], readonly TrustedKey[]>()

/** Why each unusable entry of `certs` could not be used, for the caller to turn into findings. */
export function certificateProblems(certs: readonly string[]): CertificateProblem[] {
  const problems: CertificateProblem[] = []
  certs.forEach((cert, index) => {
    const p = read(cert)
    if ('error' in p) problems.push({ index, detail: p.error })
  })
  return problems
}

function read(text: string): Reading {
  const armoured = text.includes('-----')
  const m = armoured ? PEM_RE.exec(text) : null
  const label = m ? m[1]! : 'CERTIFICATE'
  // A certificate the reader knows is a map lookup (it normalises the text itself); the checks below only explain a
  // miss. Armour that is not one well-formed PEM block is not base64, as before.
  const reading = label === 'CERTIFICATE' && (m || !armoured) ? readCertificate(m ? m[2]! : text) : undefined
  if (reading?.kind === 'certificate')
    return { key: reading.cert.publicKey, sha256: reading.cert.sha256, cert: reading.cert }
  const base64 = (m ? m[2]! : text).replace(/\s+/g, '')
  if (base64 === '') return { error: 'empty certificate' }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) return { error: 'not base64' }
  if (reading) return { error: `not a parseable X.509 certificate: ${reading.reason}` }
  if (label !== 'PUBLIC KEY') return { error: `unsupported PEM block '${label}'` }
  const der = Buffer.from(base64, 'base64')
  try {
    return { key: createPublicKey({ key: der, format: 'der', type: 'spki' }), sha256: sha256Fingerprint(der) }
  } catch (err) {
    return { error: `not a parseable public key: ${err instanceof Error ? err.message : String(err)}` }
  }
}
