import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { openDataSource } from '#libs/persistence/data-source';
import type { StoredEntry } from '#libs/persistence/record-chain';
import { seedDemoUsers } from '#api/auth/demo-users';

export interface TestDatabase {
  url: string;
  db: DataSource;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.LAWTRAIL_TEST_PG_URL;
  if (!url) throw new Error('LAWTRAIL_TEST_PG_URL is not set: run the tests through jest (global setup)');
  return url;
}

/**
 * A new database for one test file: migrated by the real migrations and seeded with the demo users.
 * On the shared server unless `server` (an admin URL) names another, as the fault tests do.
 */
export async function freshDatabase(server = adminUrl()): Promise<TestDatabase> {
  const name = `lawtrail_t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = await openDataSource(url.toString(), 5);
  await db.runMigrations({ transaction: 'each' });
  await seedDemoUsers(db);
  return {
    url: url.toString(),
    db,
    async drop() {
      await db.destroy();
      const a = new Client({ connectionString: server });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** The id of a demo user, e.g. `xlt.officer1`. */
export async function userId(db: DataSource, username: string): Promise<string> {
  const [row] = await db.query('SELECT id FROM users WHERE username = $1', [username]);
  return row.id;
}

/**
 * A case row written straight into `cases`, with no workflow behind it: for tests of what the
 * database itself does with a case's rows (the record chain, the due list). Returns its id.
 */
export async function bareCase(
  db: DataSource,
  c: { agencyId: string; officerId: string; status: string; stage: string; startedAt?: Date; workflowPrefix?: string },
): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO cases (id, agency_id, profile_version, source, emergency, status, stage, handling_officer_id, form, workflow_id, started_at, updated_at)
     VALUES ($1, $2, 1, 'ex_officio', false, $3, $4, $5, '{}', $6, $7, $7)`,
    [id, c.agencyId, c.status, c.stage, c.officerId, `${c.workflowPrefix ?? 'case'}-${id}`, c.startedAt ?? new Date()],
  );
  return id;
}

/** A case's record as stored, every column, in order. */
export function recordEntries(db: DataSource, caseId: string): Promise<StoredEntry[]> {
  return db.query('SELECT * FROM case_records WHERE case_id = $1 ORDER BY seq', [caseId]);
}

/** The summaries of a case's record lines of one action, in order. */
export function recordLines(db: DataSource, caseId: string, action: string): Promise<{ summary: string }[]> {
  return db.query('SELECT summary FROM case_records WHERE case_id = $1 AND action = $2 ORDER BY seq', [caseId, action]);
}

/** The escalations of a case, every column. */
export function escalationsOf(db: DataSource, caseId: string): Promise<any[]> {
  return db.query('SELECT * FROM escalations WHERE case_id = $1', [caseId]);
}

/** The escalations of a case once there is at least one (written by an activity when a timer fires). */
export function escalated(db: DataSource, caseId: string): Promise<any[]> {
  return eventually(async () => {
    const rows = await escalationsOf(db, caseId);
    return rows.length ? rows : undefined;
  });
}

/** Polls until `probe` returns a value (for projections written by activities), bounded in time. */
export async function eventually<T>(probe: () => Promise<T | undefined>, ms = 10000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
