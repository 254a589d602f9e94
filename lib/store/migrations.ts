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
  {
    version: 2,
    name: 'team mode: workspaces, members, sessions, invitations, API tokens, setup links, audit, login secrets, rate limits',
    // Local mode keeps working unchanged: every existing and new row belongs to the 'local' workspace.
    // Secrets are never stored in clear: sessions, invitations, tokens and setup links are kept as SHA-256 hashes of
    // their random values; login secrets as AES-256-GCM ciphertext (lib/team, key from the environment).
    sql: `
      create table workspaces (
        id text primary key,
        name text not null,
        created_at timestamptz not null
      );
      insert into workspaces (id, name, created_at) values ('local', 'Local', now());

      alter table connections add column workspace_id text not null default 'local' references workspaces (id) on delete cascade;
      alter table test_login_runs add column workspace_id text not null default 'local' references workspaces (id) on delete cascade;
      alter table saved_reports add column workspace_id text not null default 'local' references workspaces (id) on delete cascade;
      create index connections_workspace on connections (workspace_id, created_at desc);
      create index saved_reports_workspace on saved_reports (workspace_id);

      create table users (
        id text primary key,
        issuer text not null,
        subject text not null,
        email text,
        display_name text,
        created_at timestamptz not null,
        last_seen_at timestamptz,
        unique (issuer, subject)
      );

      create table memberships (
        workspace_id text not null references workspaces (id) on delete cascade,
        user_id text not null references users (id) on delete cascade,
        role text not null check (role in ('owner', 'admin', 'viewer')),
        created_at timestamptz not null,
        primary key (workspace_id, user_id)
      );
      create index memberships_user on memberships (user_id);

      create table sessions (
        id_hash text primary key,
        user_id text not null references users (id) on delete cascade,
        workspace_id text references workspaces (id) on delete set null,
        created_at timestamptz not null,
        last_used_at timestamptz not null,
        idle_expires_at timestamptz not null,
        absolute_expires_at timestamptz not null,
        revoked_at timestamptz
      );
      create index sessions_user on sessions (user_id);

      create table invitations (
        id text primary key,
        token_hash text not null unique,
        workspace_id text not null references workspaces (id) on delete cascade,
        role text not null check (role in ('owner', 'admin', 'viewer')),
        created_by text references users (id) on delete set null,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        accepted_by text references users (id) on delete set null,
        accepted_at timestamptz,
        revoked_at timestamptz
      );

      create table api_tokens (
        id text primary key,
        token_hash text not null unique,
        workspace_id text not null references workspaces (id) on delete cascade,
        name text not null,
        scopes jsonb not null,
        created_by text references users (id) on delete set null,
        created_at timestamptz not null,
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz
      );
      create index api_tokens_workspace on api_tokens (workspace_id);

      create table setup_links (
        id text primary key,
        token_hash text not null unique,
        workspace_id text not null references workspaces (id) on delete cascade,
        connection_id text not null references connections (id) on delete cascade,
        created_by text references users (id) on delete set null,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        revoked_at timestamptz,
        last_used_at timestamptz,
        uses integer not null default 0
      );
      create index setup_links_workspace on setup_links (workspace_id);

      create table audit_log (
        id text primary key,
        workspace_id text not null references workspaces (id) on delete cascade,
        at timestamptz not null,
        actor_kind text not null check (actor_kind in ('local', 'user', 'token', 'setup-link', 'system')),
        actor_id text,
        actor_label text,
        action text not null,
        target_kind text,
        target_id text,
        details jsonb,
        request_id text
      );
      create index audit_log_workspace_at on audit_log (workspace_id, at desc);

      create table login_secrets (
        key text primary key,
        browser_binding text not null,
        ciphertext text not null,
        created_at timestamptz not null,
        expires_at timestamptz not null
      );
      create index login_secrets_expires_at on login_secrets (expires_at);

      create table rate_limits (
        bucket text not null,
        window_start timestamptz not null,
        hits integer not null,
        primary key (bucket, window_start)
      );
    `,
  },
  {
    version: 3,
    name: 'audit log in insertion order',
    // Entries written in the same millisecond (or by instances whose clocks agree to the millisecond) still list in
    // the order they were made, and page without skipping or repeating one: (at, seq) is the order and the cursor.
    sql: `
      alter table audit_log add column seq bigserial;
      create index audit_log_workspace_at_seq on audit_log (workspace_id, at desc, seq desc);
    `,
  },
  {
    version: 4,
    name: 'watch: daily re-check state per connection, webhooks per workspace or connection, their deliveries',
    // A check or a delivery is claimed by one instance at a time (claimed_until, a lease), so several instances
    // share the schedule without running anything twice. Webhook signing secrets are AES-256-GCM ciphertext.
    sql: `
      create table watch_state (
        connection_id text primary key references connections (id) on delete cascade,
        workspace_id text not null references workspaces (id) on delete cascade,
        snapshot jsonb,
        last_verdict text,
        last_checked_at timestamptz,
        next_check_at timestamptz not null,
        claimed_until timestamptz,
        failures integer not null default 0
      );
      create index watch_state_due on watch_state (next_check_at);

      create table webhooks (
        id text primary key,
        workspace_id text not null references workspaces (id) on delete cascade,
        connection_id text references connections (id) on delete cascade,
        url text not null,
        secret_ciphertext text not null,
        created_at timestamptz not null
      );
      create index webhooks_workspace on webhooks (workspace_id);

      create table webhook_deliveries (
        id text primary key,
        webhook_id text not null references webhooks (id) on delete cascade,
        event text not null,
        payload jsonb not null,
        created_at timestamptz not null,
        attempts integer not null default 0,
        next_attempt_at timestamptz,
        claimed_until timestamptz,
        last_status integer,
        last_error text,
        delivered_at timestamptz
      );
      create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where delivered_at is null;
      create index webhook_deliveries_webhook on webhook_deliveries (webhook_id, created_at desc);
    `,
  },
  {
    version: 5,
    name: 'team bootstrap: the first-owner claim, taken once',
    // One row at most (id = 1): the very first sign-in claims it with one insert, so two first sign-ins at the same
    // moment (on one instance or two) cannot both become owners of a workspace of their own.
    sql: `
      create table team_bootstrap (
        id integer primary key check (id = 1),
        user_id text not null,
        claimed_at timestamptz not null
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
      const done = new Set(
        (await q.query<{ version: number }>('select version from schema_migrations')).rows.map((r) =>
          Number(r.version),
        ),
      )
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
