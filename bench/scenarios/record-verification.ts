import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { chinaDate } from '#libs/calendar/dates';
import { openDataSource } from '#libs/persistence/data-source';
import { chainHash } from '#libs/persistence/record-chain';
import { verifyRecord } from '#libs/persistence/record-verification-store';
import { AGENCY, Bench } from '../lib/context';
import { round } from '../lib/stats';

export interface RecordVerificationRun {
  /** Record entries in the database when measured (the bench's own cases' and the filled ones). */
  entries: number;
  cases: number;
  dayHeads: number;
  fillSeconds: number;
  /** A full verification: every entry and day head read. */
  full: { ms: number; entriesRead: number };
  /** From that checkpoint, after `appended` entries were appended to 10 cases. */
  incremental: { ms: number; entriesRead: number; appended: number };
  /** From the next checkpoint, nothing written since. */
  idle: { ms: number; entriesRead: number };
}

const PER_CASE = 100;
const DAY = 86_400_000;

/**
 * 10. Record verification: entries filled by SQL (chained with the same SM3 links the database writes,
 * 100 per case, over the last ten China days) until the record holds `sizes.recordEntries`, the days
 * sealed by the database's own sealer; then a full verification, an incremental one after 100 entries
 * appended the application's way, and one with nothing new (library calls, as the API's service makes).
 */
export async function recordVerification(b: Bench): Promise<RecordVerificationRun> {
  const target = b.sizes.recordEntries;
  b.progress.section(`10 record verification at ${target.toLocaleString('en')} entries`);
  const t0 = performance.now();
  await fillRecord(b.db, target - (await entryCount(b.db)));
  for (let more = true; more;) {
    const { rows } = await b.db.query('SELECT more FROM lawtrail_seal_record_days($1::date, 31)', [chinaDate(new Date(Date.now() - DAY))]);
    more = rows[0].more;
  }
  const fillSeconds = round((performance.now() - t0) / 1000, 1);
  const db = await openDataSource(b.stack.databaseUrl, 2);
  try {
    const timed = async (full: boolean) => {
      const s = performance.now();
      const r = await verifyRecord(db, { full, by: null });
      if (r.days.firstBroken || r.cases.some((c) => c.firstBroken)) throw new Error('the record does not verify');
      return { ms: round(performance.now() - s, 1), entriesRead: r.entriesRead };
    };
    const full = await timed(true);
    const { rows: some } = await b.db.query(`SELECT id FROM cases WHERE workflow_id LIKE 'bench-record-%' ORDER BY id LIMIT 10`);
    for (const [i, c] of some.entries()) {
      for (let k = 0; k < 10; k++) {
        await b.db.query(`SELECT lawtrail_append_record($1, $2, NULL, '基准', 'officer', 'note', '补充说明', NULL, '{}'::jsonb)`, [
          c.id,
          `bench-appended-${Date.now()}-${i}-${k}`,
        ]);
      }
    }
    const incremental = { ...(await timed(false)), appended: some.length * 10 };
    const idle = await timed(false);
    const { rows: counts } = await b.db.query(
      'SELECT (SELECT count(*)::int FROM case_records) AS entries, (SELECT count(DISTINCT case_id)::int FROM case_records) AS cases, (SELECT count(*)::int FROM record_day_heads) AS days',
    );
    const run = { entries: counts[0].entries, cases: counts[0].cases, dayHeads: counts[0].days, fillSeconds, full, incremental, idle };
    b.progress.done(
      `${run.entries.toLocaleString('en')} entries, ${run.dayHeads} day heads (filled and sealed in ${fillSeconds} s): full ${full.ms} ms, ` +
        `incremental after ${incremental.appended} new ${incremental.ms} ms (${incremental.entriesRead} read), nothing new ${idle.ms} ms`,
    );
    return run;
  } finally {
    await db.destroy();
  }
}

async function entryCount(db: Pool): Promise<number> {
  const { rows } = await db.query('SELECT count(*)::int AS n FROM case_records');
  return rows[0].n;
}

/** `n` entries on new cases of the agency, `PER_CASE` each, every case's times rising over the last ten days. */
async function fillRecord(db: Pool, n: number): Promise<void> {
  if (n <= 0) return;
  const cases = Math.ceil(n / PER_CASE);
  const { rows: made } = await db.query(
    `INSERT INTO cases (id, agency_id, profile_version, source, emergency, status, stage, procedure, handling_officer_id, form, workflow_id, started_at, updated_at)
     SELECT gen_random_uuid(), $2, 1, 'ex_officio', false, 'initiated', 'decision', 'general',
            (SELECT id FROM users WHERE agency_id = $2 AND role = 'officer' ORDER BY username LIMIT 1), '{}', 'bench-record-' || i, now(), now()
       FROM generate_series(1, $1::int) i RETURNING id`,
    [cases, AGENCY],
  );
  const from = Date.now() - 11 * DAY;
  const step = Math.floor((10 * DAY) / PER_CASE);
  let batch: unknown[][] = [];
  const flush = async () => {
    if (!batch.length) return;
    const col = (i: number) => batch.map((r) => r[i]);
    await db.query(
      `INSERT INTO case_records (case_id, seq, entry_key, at, action, summary, details, prev_hash, hash, db_time)
       SELECT c, s, k, a, 'note', m, '{}'::jsonb, p, h, true
         FROM unnest($1::uuid[], $2::int[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[]) t(c, s, k, a, m, p, h)`,
      [col(0), col(1), col(2), col(3), col(4), col(5), col(6)],
    );
    batch = [];
  };
  for (const [ci, { id }] of made.entries()) {
    let prev: string | null = null;
    const entries = Math.min(PER_CASE, n - ci * PER_CASE);
    for (let seq = 1; seq <= entries; seq++) {
      const at = new Date(from + seq * step + (ci % 1000) * 1000).toISOString();
      const e = {
        caseId: id,
        seq,
        key: `bench-${seq}`,
        at,
        actorId: null,
        actorName: null,
        actorRole: null,
        action: 'note',
        summary: `第${seq}条记录`,
        legalBasis: null,
        details: {},
      };
      const hash = chainHash(prev, e);
      batch.push([id, seq, e.key, at, e.summary, prev, hash]);
      prev = hash;
    }
    if (batch.length >= 5000) await flush();
  }
  await flush();
}

export function recordVerificationMarkdown(r: RecordVerificationRun): string[] {
  return [
    `**Record verification** at ${r.entries.toLocaleString('en')} entries over ${r.cases.toLocaleString('en')} cases and ${r.dayHeads} day heads ` +
      `(filled and sealed in ${r.fillSeconds} s): full ${r.full.ms} ms (${r.full.entriesRead.toLocaleString('en')} entries read); ` +
      `from the checkpoint after ${r.incremental.appended} new entries ${r.incremental.ms} ms (${r.incremental.entriesRead} read); ` +
      `with nothing new ${r.idle.ms} ms (${r.idle.entriesRead} read).`,
    '',
  ];
}
