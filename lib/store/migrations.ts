import type { Db, Queryable } from './db'

/** Versioned, append-only: never edit a shipped migration, add the next one. The same SQL runs on PGlite and Postgres. */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'connections, runs, saved reports',
    sql: `
      create table connections (
        id text primary key,
        name text not null,
        protocol text not null check (protocol in ('saml', 'oidc')),
        profile_id text not null,
        config jsonb not null,
        static_report jsonb,
        created_at timestamptz not null,
        expires_at timestamptz not null
      );
      create index connections_expires_at on connections (expires_at);

      create table test_login_runs (
        id text primary key,
        connection_id text references connections (id) on delete cascade,
        protocol text not null check (protocol in ('saml', 'oidc')),
        state_key text not null unique,
        status text not null check (status in ('pending', 'completed', 'failed')),
        test_user text,
        test_user_key text,
        report jsonb,
        timeline jsonb not null default '[]'::jsonb,
        pending jsonb,
        created_at timestamptz not null,
        completed_at timestamptz,
        consumed_at timestamptz,
        expires_at timestamptz not null
      );
      create index test_login_runs_connection on test_login_runs (connection_id, created_at desc);
      create index test_login_runs_expires_at on test_login_runs (expires_at);

      create table saved_reports (
        id text primary key,
        kind text not null,
        report jsonb not null,
        context jsonb,
        attachments jsonb,
        raw boolean not null default false,
        created_at timestamptz not null,
        expires_at timestamptz not null
      );
      create index saved_reports_expires_at on saved_reports (expires_at);

      create table store_settings (
        key text primary key,
        value text not null
      );
    `,
  },
]

// Any constant works; it only has to be the same for every instance sharing the database.
const MIGRATION_LOCK = 4_242_017

/** Applies the migrations not yet recorded in schema_migrations, each in its own transaction. */
export async function migrate(db: Db): Promise<number[]> {
  return db.session(async (q) => {
    if (db.kind === 'postgres') await q.query('select pg_advisory_lock($1)', [MIGRATION_LOCK])
    try {
      await q.exec(`create table if not exists schema_migrations (
        version integer primary key, name text not null, applied_at timestamptz not null default now())`)
      const done = new Set((await q.query<{ version: number }>('select version from schema_migrations')).rows.map((r) => Number(r.version)))
      const applied: number[] = []
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue
        await applyOne(q, m)
        applied.push(m.version)
      }
      return applied
    } finally {
      if (db.kind === 'postgres') await q.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK])
    }
  })
}

async function applyOne(q: Queryable, m: { version: number; name: string; sql: string }): Promise<void> {
  await q.exec('begin')
  try {
    await q.exec(m.sql)
    await q.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name])
    await q.exec('commit')
  } catch (err) {
    await q.exec('rollback')
    throw err
  }
}
