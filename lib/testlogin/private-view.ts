import type { Store } from '../store/index'
import { browserKeyHash } from './browser-binding'
import { oidcViewKey, type PrivateOidcView } from './oidc/callback'
import { samlViewKey, type PrivateSamlView } from './saml/complete'

export type PrivateView = PrivateSamlView | PrivateOidcView

const BROWSER_KEY = /^[A-Za-z0-9_-]{20,64}$/

/**
 * The unmasked "what the IdP sent" view of a run, for the browser presenting `browserKey` (the browser cookie) if
 * it is the one that started the run; `otherBrowser` when a view exists but belongs to another browser. Any app
 * instance answers: the view is in the store, encrypted and bound to the starting browser's key hash.
 */
export async function privateViewFor(
  store: Store,
  runId: string,
  browserKey: string | undefined,
): Promise<{ view?: PrivateView; otherBrowser: boolean }> {
  const binding = browserKey && BROWSER_KEY.test(browserKey) ? browserKeyHash(browserKey) : undefined
  if (binding) {
    const view =
      (await store.loginSecrets.get<PrivateSamlView>(samlViewKey(runId), binding)) ??
      (await store.loginSecrets.get<PrivateOidcView>(oidcViewKey(runId), binding))
    if (view) return { view, otherBrowser: false }
  }
  const exists =
    (await store.loginSecrets.has(samlViewKey(runId))) || (await store.loginSecrets.has(oidcViewKey(runId)))
  return { otherBrowser: exists }
}

/** The unmasked test user of a run, for the browser that ran it (SAML NameID, else the ID token's email / username / sub). */
export function revealedUser(view: PrivateView | undefined): string | undefined {
  if (!view) return undefined
  if ('nameId' in view && view.nameId) return view.nameId
  const claims = 'idTokenClaims' in view ? view.idTokenClaims : undefined
  const user = claims ? (claims.email ?? claims.preferred_username ?? claims.sub) : undefined
  return typeof user === 'string' && user ? user : undefined
}
