/*
 * The XML-DSig algorithm URIs we accept, and what node:crypto calls them. Anything else is a problem, not a guess:
 * HMAC (a shared secret anyone holding the metadata could be made to "verify"), DSA, MD5, XPath / XSLT transforms.
 */

export const DS_NS = 'http://www.w3.org/2000/09/xmldsig#'
export const ENVELOPED_SIGNATURE = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature'

export interface SignatureAlgorithm {
  readonly hash: string
  readonly keyType: 'rsa' | 'ec'
  readonly name: string
}

export const SIGNATURE_ALGORITHMS: Readonly<Record<string, SignatureAlgorithm>> = {
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': { hash: 'sha1', keyType: 'rsa', name: 'RSA-SHA1' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': { hash: 'sha256', keyType: 'rsa', name: 'RSA-SHA256' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384': { hash: 'sha384', keyType: 'rsa', name: 'RSA-SHA384' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': { hash: 'sha512', keyType: 'rsa', name: 'RSA-SHA512' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256': { hash: 'sha256', keyType: 'ec', name: 'ECDSA-SHA256' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384': { hash: 'sha384', keyType: 'ec', name: 'ECDSA-SHA384' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512': { hash: 'sha512', keyType: 'ec', name: 'ECDSA-SHA512' },
}

export const DIGEST_ALGORITHMS: Readonly<Record<string, { readonly hash: string; readonly name: string }>> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': { hash: 'sha1', name: 'SHA1' },
  'http://www.w3.org/2001/04/xmldsig-more#sha224': { hash: 'sha224', name: 'SHA224' },
  'http://www.w3.org/2001/04/xmlenc#sha256': { hash: 'sha256', name: 'SHA256' },
  'http://www.w3.org/2001/04/xmldsig-more#sha384': { hash: 'sha384', name: 'SHA384' },
  'http://www.w3.org/2001/04/xmlenc#sha512': { hash: 'sha512', name: 'SHA512' },
}

const OTHER_NAMES: Readonly<Record<string, string>> = {
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315': 'C14N',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments': 'C14N with comments',
  'http://www.w3.org/2001/10/xml-exc-c14n#': 'Exclusive C14N',
  'http://www.w3.org/2001/10/xml-exc-c14n#WithComments': 'Exclusive C14N with comments',
  'http://www.w3.org/2006/12/xml-c14n11': 'C14N 1.1',
  'http://www.w3.org/2006/12/xml-c14n11#WithComments': 'C14N 1.1 with comments',
  [ENVELOPED_SIGNATURE]: 'Enveloped signature',
  'http://www.w3.org/TR/1999/REC-xpath-19991116': 'XPath',
  'http://www.w3.org/2002/06/xmldsig-filter2': 'XPath Filter 2.0',
  'http://www.w3.org/TR/1999/REC-xslt-19991116': 'XSLT',
  'http://www.w3.org/2000/09/xmldsig#base64': 'Base64',
  'http://www.w3.org/2000/09/xmldsig#hmac-sha1': 'HMAC-SHA1',
  'http://www.w3.org/2001/04/xmldsig-more#hmac-sha256': 'HMAC-SHA256',
  'http://www.w3.org/2000/09/xmldsig#dsa-sha1': 'DSA-SHA1',
  'http://www.w3.org/2001/04/xmldsig-more#md5': 'MD5',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-md5': 'RSA-MD5',
}

/**
 * A short human name for an algorithm URI, for evidence ('RSA-SHA256', 'SHA1', 'Exclusive C14N'); the URI itself
 * when unknown.
 */
export function algorithmName(uri: string): string {
  return SIGNATURE_ALGORITHMS[uri]?.name ?? DIGEST_ALGORITHMS[uri]?.name ?? OTHER_NAMES[uri] ?? uri
}
