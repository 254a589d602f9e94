const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)

/**
 * The SAML HTTP-POST binding from our side: a page that posts the AuthnRequest to the IdP (button without JavaScript).
 * `nonce` lets its one inline script run under the page's CSP (autoPostContentSecurityPolicy).
 */
export function autoPostPage(action: string, fields: Record<string, string>, label: string, nonce?: string): string {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(label)} · SSO Preflight</title></head>
<body><form method="post" action="${esc(action)}" id="saml-post">${inputs}<p>Sending the SAML request to your IdP…</p>
<button type="submit">${esc(label)}</button></form><script${nonce ? ` nonce="${esc(nonce)}"` : ''}>document.getElementById('saml-post').submit()</script></body></html>`
}
