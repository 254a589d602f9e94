import { readDeploymentConfig, type DeploymentConfig } from '@/lib/team/config'
import { cookieNames, type CookieNames } from '@/lib/team/cookies'

const slot = globalThis as typeof globalThis & { __ssoPreflightDeployment?: DeploymentConfig }

/** The deployment mode, read once per process from the environment (throws naming what a half-configured team mode lacks). */
export function deploymentConfig(): DeploymentConfig {
  return (slot.__ssoPreflightDeployment ??= readDeploymentConfig(process.env))
}

/** Tests switch modes through the environment; this forgets the one read before. */
export function resetDeploymentConfig(): void {
  slot.__ssoPreflightDeployment = undefined
}

/** Cookies over https get the __Host- prefix and Secure. */
export function teamCookies(config: DeploymentConfig): CookieNames & { secure: boolean } {
  const secure = config.mode === 'team' && config.publicUrl.protocol === 'https:'
  return { ...cookieNames(secure), secure }
}
