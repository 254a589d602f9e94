import { describe, expect, it } from 'vitest'
import { readDeploymentConfig } from './config'
import { allows, LOCAL_PRINCIPAL, type Principal } from './principal'

const user = (role: 'owner' | 'admin' | 'viewer'): Principal => ({
  kind: 'user',
  userId: 'u1',
  label: 'a',
  workspaceId: 'w1',
  role,
  sessionIdHash: 'h',
})

describe('allows', () => {
  it('lets a viewer read and triage but not change or run', () => {
    expect(allows(user('viewer'), 'reports.read')).toBe(true)
    expect(allows(user('viewer'), 'triage.run')).toBe(true)
    expect(allows(user('viewer'), 'connections.delete')).toBe(false)
    expect(allows(user('viewer'), 'runs.start')).toBe(false)
  })
  it('keeps members to the owner', () => {
    expect(allows(user('admin'), 'members.manage')).toBe(false)
    expect(allows(user('owner'), 'members.manage')).toBe(true)
  })
  it('refuses a row of another workspace whatever the role', () => {
    expect(allows(user('owner'), 'connections.read', { workspaceId: 'w2' })).toBe(false)
    expect(allows(LOCAL_PRINCIPAL, 'connections.read', { workspaceId: 'w2' })).toBe(false)
  })
  it('holds a setup link to its one connection', () => {
    const link: Principal = { kind: 'setup-link', linkId: 'l', workspaceId: 'w1', connectionId: 'c1' }
    expect(allows(link, 'runs.start', { workspaceId: 'w1', connectionId: 'c1' })).toBe(true)
    expect(allows(link, 'runs.start', { workspaceId: 'w1', connectionId: 'c2' })).toBe(false)
    expect(allows(link, 'connections.delete', { workspaceId: 'w1', connectionId: 'c1' })).toBe(false)
  })
  it('gives a read token no test logins', () => {
    const token: Principal = { kind: 'token', tokenId: 't', label: 'ci', workspaceId: 'w1', scopes: ['read'] }
    expect(allows(token, 'runs.start')).toBe(false)
    expect(allows({ ...token, scopes: ['run'] }, 'runs.start')).toBe(true)
  })
})

describe('readDeploymentConfig', () => {
  const full = {
    SSO_PREFLIGHT_PUBLIC_URL: 'https://preflight.example.net',
    SSO_PREFLIGHT_SESSION_SECRET: 'x'.repeat(32),
    SSO_PREFLIGHT_AUTH_ISSUER: 'https://idp.example.net',
    SSO_PREFLIGHT_AUTH_CLIENT_ID: 'preflight',
    SSO_PREFLIGHT_AUTH_CLIENT_SECRET: 's3cret',
  }
  it('is local mode with no team variables, even with a public URL', () => {
    expect(readDeploymentConfig({}).mode).toBe('local')
    expect(readDeploymentConfig({ SSO_PREFLIGHT_PUBLIC_URL: 'https://a.example.net' }).mode).toBe('local')
  })
  it('refuses a half-configured team mode and names what is missing', () => {
    expect(() => readDeploymentConfig({ SSO_PREFLIGHT_AUTH_ISSUER: 'https://idp.example.net' })).toThrow(
      /missing SSO_PREFLIGHT_PUBLIC_URL, SSO_PREFLIGHT_SESSION_SECRET, SSO_PREFLIGHT_AUTH_CLIENT_ID, SSO_PREFLIGHT_AUTH_CLIENT_SECRET/,
    )
  })
  it('refuses a short session secret and a wrong-sized key', () => {
    expect(() => readDeploymentConfig({ ...full, SSO_PREFLIGHT_SESSION_SECRET: 'short' })).toThrow(/at least 32/)
    expect(() => readDeploymentConfig({ ...full, SSO_PREFLIGHT_ENCRYPTION_KEY: 'abcd' })).toThrow(/32 bytes/)
  })
  it('derives a 32-byte key from the session secret, the same on every instance', () => {
    const a = readDeploymentConfig(full)
    const b = readDeploymentConfig(full)
    if (a.mode !== 'team' || b.mode !== 'team') throw new Error('expected team mode')
    expect(a.encryptionKey.length).toBe(32)
    expect(a.encryptionKey.equals(b.encryptionKey)).toBe(true)
  })
})
