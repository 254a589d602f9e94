import { knownScreen } from '../../idps/screens'
import type { CatalogEntry, IdpKind } from '../types'

/* Test support (not product code). */

/** Whether an entry names a real screen for this IdP: its own text, or a screen key the IdP's pack knows. */
export function namesIdpScreen(e: Pick<CatalogEntry, 'fixAt' | 'screen'>, idp: IdpKind): boolean {
  return Boolean(e.fixAt?.[idp] || (e.screen && knownScreen(idp, e.screen)))
}
