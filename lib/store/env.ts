import { z } from 'zod'
import { PreflightError } from '../errors'

export const StoreEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  SSO_PREFLIGHT_DATA_DIR: z.string().min(1).default('./.data/pglite'),
  SSO_PREFLIGHT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
})
export type StoreEnv = z.infer<typeof StoreEnvSchema>

/** Empty strings count as unset, as shells and .env files often leave them. */
export function readStoreEnv(env: Record<string, string | undefined> = process.env): StoreEnv {
  const pick = (k: string) => (env[k] === '' ? undefined : env[k])
  const parsed = StoreEnvSchema.safeParse({
    DATABASE_URL: pick('DATABASE_URL'),
    SSO_PREFLIGHT_DATA_DIR: pick('SSO_PREFLIGHT_DATA_DIR'),
    SSO_PREFLIGHT_RETENTION_DAYS: pick('SSO_PREFLIGHT_RETENTION_DAYS'),
  })
  if (!parsed.success) {
    throw new PreflightError(`invalid store environment: ${z.prettifyError(parsed.error)}`, {
      code: 'ERR_STORE_UNAVAILABLE',
    })
  }
  return parsed.data
}
