/** A same-origin JSON call from a team page; a refusal comes back as the server's message, never a throw. */
export async function apiCall<T>(
  url: string,
  init: RequestInit,
): Promise<{ ok: true; body: T | null } | { ok: false; message: string }> {
  try {
    const res = await fetch(url, {
      ...init,
      headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}) },
      cache: 'no-store',
    })
    const text = await res.text()
    const body = text ? (JSON.parse(text) as unknown) : null
    if (res.ok) return { ok: true, body: body as T | null }
    const message =
      body && typeof body === 'object' && 'message' in body && typeof body.message === 'string'
        ? body.message
        : `The server answered ${res.status}.`
    return { ok: false, message }
  } catch {
    return { ok: false, message: 'The server could not be reached; try again.' }
  }
}
