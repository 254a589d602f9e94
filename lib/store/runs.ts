import type { Db } from './db'
import { newId, userKey } from './ids'
import { maskReport, maskSteps, maskUser } from './mask'
import type { StoreClock } from './clock'
import {
  NewRunSchema,
  RunResultSchema,
  TestLoginRunSchema,
  type NewRun,
  type RunRepository,
  type TestLoginRun,
} from './types'

const PENDING_TTL_SECONDS = 15 * 60

interface RunRow {
  id: string
  workspace_id: string
  connection_id: string | null
  protocol: string
  state_key: string
  status: string
  test_user: string | null
  test_user_key: string | null
  report: unknown
  timeline: unknown
  pending: unknown
  created_at: Date | string
  completed_at: Date | string | null
  consumed_at: Date | string | null
  expires_at: Date | string
}

function fromRow(r: RunRow): TestLoginRun {
  return TestLoginRunSchema.parse({
    id: r.id,
    workspaceId: r.workspace_id,
    connectionId: r.connection_id,
    protocol: r.protocol,
    stateKey: r.state_key,
    status: r.status,
    testUser: r.test_user,
    testUserKey: r.test_user_key,
    report: r.report ?? null,
    timeline: r.timeline ?? [],
    pending: r.pending ?? null,
    createdAt: r.created_at,
    completedAt: r.completed_at,
    consumedAt: r.consumed_at,
    expiresAt: r.expires_at,
  })
}

export function runRepository(db: Db, clock: StoreClock, secret: () => Promise<string>): RunRepository {
  return {
    async create(input: NewRun) {
      const r = NewRunSchema.parse(input)
      const now = clock.now()
      const expires = new Date(now.getTime() + (r.ttlSeconds ?? PENDING_TTL_SECONDS) * 1000)
      const { rows } = await db.query<RunRow>(
        // A run of a connection always belongs to the connection's workspace, whatever the caller says.
        `insert into test_login_runs (id, connection_id, protocol, state_key, status, timeline, pending, created_at, expires_at, workspace_id)
         values ($1, $2, $3, $4, 'pending', $5::jsonb, $6::jsonb, $7, $8,
           coalesce((select workspace_id from connections where id = $2), $9)) returning *`,
        [
          newId(),
          r.connectionId ?? null,
          r.protocol,
          r.stateKey,
          JSON.stringify(maskSteps(r.timeline ?? [])),
          r.pending ? JSON.stringify(r.pending) : null,
          now,
          expires,
          r.workspaceId ?? 'local',
        ],
      )
      return fromRow(rows[0]!)
    },
    async get(id, workspaceId) {
      const { rows } = await db.query<RunRow>(
        'select * from test_login_runs where id = $1 and expires_at > $2 and ($3::text is null or workspace_id = $3)',
        [id, clock.now(), workspaceId ?? null],
      )
      return rows[0] ? fromRow(rows[0]) : null
    },
    async findByKey(stateKey) {
      const { rows } = await db.query<RunRow>(
        'select * from test_login_runs where state_key = $1 and expires_at > $2',
        [stateKey, clock.now()],
      )
      return rows[0] ? fromRow(rows[0]) : null
    },
    async consume(stateKey) {
      const now = clock.now()
      // One statement: the row lock makes the second of two concurrent callers see consumed_at set and match nothing.
      const { rows } = await db.query<RunRow>(
        `update test_login_runs set consumed_at = $2
         where state_key = $1 and consumed_at is null and expires_at > $2 returning *`,
        [stateKey, now],
      )
      return rows[0] ? fromRow(rows[0]) : null
    },
    async appendTimeline(id, steps) {
      await db.query(`update test_login_runs set timeline = timeline || $2::jsonb where id = $1`, [
        id,
        JSON.stringify(maskSteps(steps)),
      ])
    },
    async complete(id, result) {
      const r = RunResultSchema.parse(result)
      const now = clock.now()
      const user = r.testUser?.trim() ? r.testUser.trim() : null
      const key = user ? userKey(await secret(), user) : null
      const { rows } = await db.query<RunRow>(
        `update test_login_runs set status = $2, report = $3::jsonb, test_user = $4, test_user_key = $5,
           timeline = coalesce($6::jsonb, timeline), pending = null, completed_at = $7, expires_at = $8
         where id = $1 returning *`,
        [
          id,
          r.status,
          JSON.stringify(maskReport(r.report)),
          user ? maskUser(user) : null,
          key,
          r.timeline ? JSON.stringify(maskSteps(r.timeline)) : null,
          now,
          clock.retainUntil(now),
        ],
      )
      const run = rows[0] ? fromRow(rows[0]) : null
      // A connection that is being tested is in use: keep it as long as its newest run.
      if (run?.connectionId) {
        await db.query('update connections set expires_at = greatest(expires_at, $2) where id = $1', [
          run.connectionId,
          run.expiresAt,
        ])
      }
      return run
    },
    async listByConnection(connectionId, workspaceId) {
      const { rows } = await db.query<RunRow>(
        `select * from test_login_runs where connection_id = $1 and expires_at > $2 and ($3::text is null or workspace_id = $3)
         order by created_at desc, id`,
        [connectionId, clock.now(), workspaceId ?? null],
      )
      return rows.map(fromRow)
    },
  }
}
