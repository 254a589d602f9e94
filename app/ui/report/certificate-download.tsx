'use client'

/** PEM text with 64-character lines, as a vendor's "upload certificate" form and `openssl x509` expect. */
export function pemOf(base64: string): string {
  const body =
    base64
      .replace(/\s+/g, '')
      .match(/.{1,64}/g)
      ?.join('\n') ?? ''
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`
}

/**
 * Saves the certificate from the report as a Base64 (PEM) .cer file, built in the browser. A certificate is public,
 * so nothing here is personal; the file is what Entra's "Certificate (Base64)" download gives.
 */
export function CertificateDownload({ base64, name }: { base64: string; name: string }) {
  function save() {
    const url = URL.createObjectURL(new Blob([pemOf(base64)], { type: 'application/x-x509-ca-cert' }))
    const a = document.createElement('a')
    a.href = url
    a.download = `${name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60) || 'certificate'}.cer`
    document.body.append(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
  return (
    <button type="button" className="button button-quiet cert-download print-hide" onClick={save}>
      Download .cer (Base64 / PEM)
    </button>
  )
}
