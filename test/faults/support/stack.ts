import { INestApplication } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '#api/app.factory';
import { DEMO_PASSWORD } from '#api/auth/demo-users';
import { Env, parseEnv } from '#libs/config/env';
import { eventually } from '../../support/database';
import { EX_OFFICIO_CASE } from '../../support/forms';

export interface Request {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Answer<T = any> {
  status: number;
  body: T;
  retryAfter: string | null;
  /** How long the API took to answer. */
  ms: number;
}

/** The settings of one fault test's system: its database, its Temporal server, its own task queue. */
export function faultEnv(databaseUrl: string, temporalAddress: string): Env {
  return parseEnv({
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    LAWTRAIL_TASK_QUEUE: `fault-${randomBytes(4).toString('hex')}`,
    PORT: '0',
    LAWTRAIL_STORAGE_DIR: mkdtempSync(join(tmpdir(), 'lawtrail-av-')),
    LAWTRAIL_JWT_SECRET: randomBytes(32).toString('hex'),
  });
}

/** The same variables, for a worker in a child process. */
export function envVars(env: Env): Record<string, string> {
  return {
    DATABASE_URL: env.databaseUrl,
    TEMPORAL_ADDRESS: env.temporalAddress,
    LAWTRAIL_TASK_QUEUE: env.taskQueue,
    LAWTRAIL_STORAGE_DIR: env.storageDir,
    LAWTRAIL_TEST_BUNDLE: process.env.LAWTRAIL_TEST_BUNDLE!,
  };
}

/** The API, in this process, listening on a free port; it stays up through every fault. */
export class Api {
  private readonly tokens = new Map<string, string>();

  private constructor(
    private readonly app: INestApplication,
    readonly baseUrl: string,
  ) {}

  static async start(env: Env): Promise<Api> {
    const app = await createApp(env, false);
    await app.listen(0, '127.0.0.1');
    return new Api(app, (await app.getUrl()).replace('[::1]', '127.0.0.1'));
  }

  async stop(): Promise<void> {
    await this.app.close();
  }

  async call<T = any>(method: string, path: string, o: Request = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    const t0 = Date.now();
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
    const text = await res.text();
    return {
      status: res.status,
      body: text ? JSON.parse(text) : undefined,
      retryAfter: res.headers.get('retry-after'),
      ms: Date.now() - t0,
    };
  }

  /** A demo user's token, logged in once (while the database is up). */
  async token(username: string): Promise<string> {
    if (!this.tokens.has(username)) {
      const r = await this.call('POST', '/api/v1/auth/login', { body: { username, password: DEMO_PASSWORD } });
      if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
      this.tokens.set(username, r.body.accessToken);
    }
    return this.tokens.get(username)!;
  }

  /**
   * The same request again until it is answered with `expected`: a client's answer to 503 and
   * Retry-After. Any other status is a failure, 500 above all.
   */
  async until(expected: number, method: string, path: string, o: Request, log?: Answer[]): Promise<Answer> {
    return eventually(async () => {
      const r = await this.call(method, path, o);
      log?.push(r);
      if (r.status === expected) return r;
      if (r.status !== 503) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
      return undefined;
    }, 120_000);
  }

  /** Starts an ex officio case for `agency`; returns its id. Sent again after a 503 with the same Idempotency-Key: one case. */
  async startCase(agency: string, log?: Answer[]): Promise<string> {
    const headers = { 'idempotency-key': randomUUID() };
    const r = await this.until(
      201,
      'POST',
      '/api/v1/cases',
      { token: await this.token(`${agency}.officer1`), body: EX_OFFICIO_CASE, headers },
      log,
    );
    return r.body.id;
  }

  /** `user` completes their open task on the case with `decision`, retrying on 503 until answered. */
  async complete(caseId: string, user: string, decision: string, log?: Answer[]): Promise<Answer> {
    const token = await this.token(user);
    const task = await eventually(async () => {
      const open = await this.call('GET', `/api/v1/tasks?caseId=${caseId}`, { token });
      return open.status === 200 && open.body.items.length ? open.body.items[0] : undefined;
    }, 120_000);
    return this.until(200, 'POST', `/api/v1/tasks/${task.id}/completion`, { token, body: { decision, opinion: '同意' } }, log);
  }
}

/** Every step of an initiated case, once each and in order (test/e2e/initiation.e2e.ts). */
export const INITIATED = ['case_registered', 'task_completed', 'task_completed', 'case_initiated', 'deadline_set'];

/**
 * An initiated case's steps, once its 程序启动审批表 is made too: rendered after the chief was answered
 * ('documents-after-step'), so after the filing's entry but not necessarily before the decision stage's.
 */
export async function initiatedSteps(db: DataSource, caseId: string): Promise<string[]> {
  const actions = await eventually(async () => {
    const a = await recordOf(db, caseId);
    return a.includes('document_generated') ? a : undefined;
  }, 60_000);
  expect(actions.filter((a) => a === 'document_generated')).toHaveLength(1);
  expect(actions.indexOf('document_generated')).toBeGreaterThan(actions.indexOf('case_initiated'));
  return actions.filter((a) => a !== 'document_generated');
}

/**
 * The case's record as stored: its actions in order, after checking that `seq` runs 1..n with no
 * gap and that no step was written twice (each entry key once).
 */
export async function recordOf(db: DataSource, caseId: string): Promise<string[]> {
  const rows: { seq: number; entry_key: string; action: string }[] = await db.query(
    'SELECT seq, entry_key, action FROM case_records WHERE case_id = $1 ORDER BY seq',
    [caseId],
  );
  expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
  expect(new Set(rows.map((r) => r.entry_key)).size).toBe(rows.length);
  return rows.map((r) => r.action);
}

/** Tasks and their record lines agree: each completed task has exactly one completion entry, an open one none. */
export async function tasksAgreeWithRecord(db: DataSource | PgClient, caseId: string): Promise<void> {
  const { rows } = await asPg(db).query(
    `SELECT t.id, t.status, (SELECT count(*)::int FROM case_records r WHERE r.case_id = t.case_id AND r.action = 'task_completed'
                                AND r.details->>'taskId' = t.id::text) AS entries
       FROM tasks t WHERE t.case_id = $1`,
    [caseId],
  );
  for (const t of rows) expect({ id: t.id, entries: t.entries }).toEqual({ id: t.id, entries: t.status === 'completed' ? 1 : 0 });
}

function asPg(db: DataSource | PgClient): { query: (sql: string, p: unknown[]) => Promise<{ rows: any[] }> } {
  return db instanceof DataSource ? { query: async (sql, p) => ({ rows: await db.query(sql, p) }) } : db;
}

/** GET /cases/:id/verify: the SM3 chain recomputed by the API. */
export async function verifyChain(api: Api, caseId: string, user: string): Promise<void> {
  const r = await api.call('GET', `/api/v1/cases/${caseId}/verify`, { token: await api.token(user) });
  expect(r.status).toBe(200);
  expect(r.body).toMatchObject({ intact: true, firstBroken: null });
}

/**
 * Holds every append to the case record: a transaction that locks `case_records` against inserts.
 * An activity that completes a task then waits inside its own transaction, after updating the task
 * and before writing its record line: the middle of the activity, held until `release`.
 */
export async function holdRecordAppends(url: string): Promise<{ waiting: () => Promise<number>; release: () => Promise<void> }> {
  const c = new PgClient({ connectionString: url });
  await c.connect();
  c.on('error', () => {}); // the fault under test may end this session too
  await c.query('BEGIN');
  await c.query('LOCK TABLE case_records IN SHARE ROW EXCLUSIVE MODE');
  return {
    /** Sessions waiting for the lock (until `release`). */
    waiting: async () => {
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'case_records'::regclass AND NOT granted`);
      return rows[0].n;
    },
    release: async () => {
      await c.query('ROLLBACK').catch(() => undefined);
      await c.end().catch(() => undefined);
    },
  };
}
