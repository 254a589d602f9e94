import { z } from 'zod'

/** The setup walk's state lives in its address: the IdP and app variant, the vendor certificate's thumbprint, masked account emails. */
export const SETUP_QUERY_LIMITS = { certificate: 200, emails: 30, email: 300 } as const

const one = (max: number) =>
  z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().trim().max(max).optional().catch(undefined))

export const SetupQuerySchema = z.object({
  idp: one(40).pipe(
    z
      .string()
      .regex(/^[a-z0-9-]*$/)
      .optional()
      .catch(undefined),
  ),
  variant: one(20),
  profile: one(40),
  cert: one(SETUP_QUERY_LIMITS.certificate),
  emails: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.string().max(SETUP_QUERY_LIMITS.email * 2 + 1))
      .max(SETUP_QUERY_LIMITS.emails)
      .catch([]),
  ),
})
export type SetupQuery = z.infer<typeof SetupQuerySchema>

/** The masked forms of each given account email (`a|b`). */
export const emailForms = (emails: readonly string[]) =>
  emails.map((e) => e.split('|').filter(Boolean)).filter((f) => f.length > 0)

export function setupHref(
  id: string,
  q: { idp?: string; variant?: string; cert?: string; emails?: readonly string[] },
): string {
  const p = new URLSearchParams()
  if (q.idp) p.set('idp', q.idp)
  if (q.variant) p.set('variant', q.variant)
  if (q.cert) p.set('cert', q.cert)
  for (const e of q.emails ?? []) if (e) p.append('emails', e)
  const s = p.toString()
  return `/setup/${encodeURIComponent(id)}${s ? `?${s}` : ''}`
}
