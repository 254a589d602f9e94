/** Minimal HTML helpers for the mock IdP's pages (no framework: it must start in well under a second). */

export function esc(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  )
}

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
code{background:#f3f3f3;padding:0 .2rem}label{display:block;margin:.5rem 0 .25rem}
input[type=text]{width:22rem;padding:.3rem}button{padding:.4rem 1rem;margin-top:.5rem}
.banner{background:#fff3cd;border:1px solid #e0c36c;padding:.5rem 1rem}.error{color:#8a1c1c;font-weight:600}</style></head>
<body><p class="banner">Mock IdP for demos and tests — not a real identity provider.</p>${body}</body></html>`
}

/** A form that the browser posts on load (the SAML HTTP-POST binding); the button is there without JavaScript. */
export function autoPostForm(action: string, fields: Record<string, string>, title = 'Continue'): string {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('')
  return page(
    title,
    `<form method="post" action="${esc(action)}" id="auto">${inputs}
<noscript><p>JavaScript is off: press the button to continue.</p></noscript><button type="submit">${esc(title)}</button></form>
<script>document.getElementById('auto').submit()</script>`,
  )
}

export function scenarioTable(rows: readonly { id: string; label: string }[], domain: string): string {
  const trs = rows
    .map((r) => `<tr><td><code>${esc(`${r.id}@${domain}`)}</code></td><td>${esc(r.label)}</td></tr>`)
    .join('')
  return `<table><caption>Test users: the username picks the outcome (add a tag, e.g. <code>ok+alice@${esc(domain)}</code>, for another user with the same outcome)</caption><thead><tr><th scope="col">Username</th><th scope="col">What the IdP does</th></tr></thead><tbody>${trs}</tbody></table>`
}
