import type { Db } from './db'

/** The bearer-secret tables (API tokens, setup links): a row is revoked once, by its workspace. */
export type RevocableTable = 'api_tokens' | 'setup_links'

/** Marks the row revoked `at`; true only for the call that revoked it (false for another workspace's or a gone row). */
export async function revokeOnce(db: Db, table: RevocableTable, workspaceId: string, id: string, at: Date) {
  const { rows } = await db.query<{ id: string }>(
    `update ${table} set revoked_at = $3 where workspace_id = $1 and id = $2 and revoked_at is null returning id`,
    [workspaceId, id, at],
  )
  return rows.length > 0
}
