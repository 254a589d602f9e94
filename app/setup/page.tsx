import type { Metadata } from 'next'
import Link from 'next/link'
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID, isBuiltinProfileId } from '@/lib/profiles'
import { resolveIdpChoice, setupIdpChoices, setupScreenFor } from '@/lib'
import { getStore } from '@/lib/store'
import { connectionListScope, requireAccess } from '@/app/_server/access'
import { SetupQuerySchema } from './setup-query'
import { StartSetupForm } from './start-setup-form'
import '../connections/connections.css'
import './setup.css'

export const metadata: Metadata = { title: 'Set up SSO' }
export const dynamic = 'force-dynamic'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }
const DETECT = 'detect'

/** Step 0 of the setup companion: which profile and IdP (or let the metadata decide), which app, then the connection. */
export default async function SetupPage({ searchParams }: Props) {
  const q = SetupQuerySchema.parse(await searchParams)
  const profileId =
    q.profile && isBuiltinProfileId(q.profile) && BUILTIN_PROFILES[q.profile].protocols.includes('saml')
      ? q.profile
      : DEFAULT_PROFILE_ID
  const profile = BUILTIN_PROFILES[profileId]
  const vendor = profile.vendor
  const choices = setupIdpChoices(profile)
  const chosen = q.idp && q.idp !== DETECT ? resolveIdpChoice(choices, q.idp, q.variant) : undefined
  const idpPicked = q.idp === DETECT || chosen !== undefined
  const sp = vendor?.spValues
  const metadataAt = chosen ? setupScreenFor(chosen.idp.id, chosen.variant.id, 'saml.metadata').path : null
  const scope = connectionListScope(await requireAccess('connections.read'))
  const connections = (await (await getStore()).connections.list({ limit: 20, workspaceId: scope.workspaceId })).filter(
    (c) => c.protocol === 'saml' && (!scope.onlyId || c.id === scope.onlyId),
  )
  const samlProfiles = Object.values(BUILTIN_PROFILES).filter((p) => p.protocols.includes('saml'))

  return (
    <div className="setup-page">
      <header className="page-header">
        <h1>Set up SSO{vendor ? ` with ${vendor.name}` : ''}</h1>
        <p className="lead">
          Walk {vendor ? `${vendor.name}’s` : 'the service provider’s'} setup steps in {vendor ? 'its' : 'their'} order:
          each step shows the values to copy, the exact screen in your IdP and a live check, and the walk ends in a go /
          no-go for turning SSO on.
        </p>
      </header>

      <form method="get" className="panel setup-choice" aria-label="Choose your identity provider">
        <div className="field-grid">
          <div className="field">
            <label htmlFor="profile" className="field-label">
              Service provider profile
            </label>
            <select id="profile" name="profile" className="input" defaultValue={profileId}>
              {samlProfiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="idp" className="field-label">
              Identity provider
            </label>
            <select id="idp" name="idp" className="input" defaultValue={q.idp ?? ''}>
              <option value="" disabled>
                Choose…
              </option>
              <option value={DETECT}>Let the metadata decide</option>
              {choices.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
          {chosen && chosen.idp.variants.length > 1 ? (
            <div className="field">
              <label htmlFor="variant" className="field-label">
                App in {chosen.idp.label}
              </label>
              <select id="variant" name="variant" className="input" defaultValue={chosen.variant.id}>
                {chosen.idp.variants.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.label}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            Choose
          </button>
        </div>
      </form>

      {idpPicked ? (
        <>
          <p className="setup-chosen" role="status">
            {chosen ? (
              <>
                Setting up <strong>{chosen.idp.label}</strong> · <strong>{chosen.variant.label}</strong>
              </>
            ) : (
              'The IdP will be told from its metadata.'
            )}
          </p>
          <StartSetupForm
            profileId={profileId}
            idp={q.idp ?? ''}
            variant={chosen?.variant.id ?? ''}
            spName={vendor?.name ?? null}
            hints={{
              ...(sp
                ? {
                    entityIdExample: sp.entityId.example,
                    entityIdHint: `${sp.entityId.hint} (${sp.shownAt.join(' › ')})`,
                    acsUrlExample: sp.acsUrl.example,
                    acsUrlHint: sp.acsUrl.hint,
                    metadataHint: sp.metadataHint,
                  }
                : {}),
              ...(metadataAt ? { idpMetadataAt: metadataAt } : {}),
            }}
          />
        </>
      ) : null}

      {connections.length ? (
        <section className="connection-section" aria-labelledby="continue-title">
          <h2 id="continue-title">Continue a setup</h2>
          <ul className="plain-list">
            {connections.map((c) => (
              <li key={c.id}>
                <Link href={`/setup/${c.id}`}>{c.name}</Link> <span className="muted">({c.profileId})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
