import * as oc from 'openid-client'
import { loopbackAllowedByEnv, makeCustomFetch, type SafeFetchOptions } from '../../net/index'
import { allowLoopbackForTests } from '../../net/types'

function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
}

/**
 * openid-client's Configuration for a test login: discovery through lib/net (every request SSRF-checked), the ID
 * token signature verified (enableNonRepudiationChecks), client_secret_basic with the secret typed for this run.
 * http is allowed only for a loopback issuer when loopback fetches are allowed (the demo's and tests' mock IdP).
 */
export async function discoverClient(issuer: string, clientId: string, clientSecret: string, fetchOptions: SafeFetchOptions = {}): Promise<oc.Configuration> {
  const url = new URL(issuer)
  const loopbackOk = fetchOptions[allowLoopbackForTests] === true || loopbackAllowedByEnv()
  const execute = [oc.enableNonRepudiationChecks, ...(isLoopbackHttp(url) && loopbackOk ? [oc.allowInsecureRequests] : [])]
  return oc.discovery(url, clientId, undefined, oc.ClientSecretBasic(clientSecret), {
    execute,
    [oc.customFetch]: makeCustomFetch(fetchOptions),
  })
}
