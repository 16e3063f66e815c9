import { DataSource, EntityManager } from 'typeorm';
import { CaseChainView, CaseHead, DayChainResult, DayHead, verifyDayHeads } from './day-heads';
import { StoredEntry, verifyChain } from './record-chain';

interface DayHeadRow {
  day: string;
  prev_hash: string | null;
  cases: CaseHead[];
  hash: string;
}

const fromRow = (r: DayHeadRow): DayHead => ({ day: r.day, prevHash: r.prev_hash, cases: r.cases, hash: r.hash });

/** The day heads in order; from `day` on when given. */
export async function loadDayHeads(m: EntityManager | DataSource, day?: string): Promise<DayHead[]> {
  const rows: DayHeadRow[] = day
    ? await m.query('SELECT day, prev_hash, cases, hash FROM record_day_heads WHERE day >= $1::date ORDER BY day', [day])
    : await m.query('SELECT day, prev_hash, cases, hash FROM record_day_heads ORDER BY day');
  return rows.map(fromRow);
}

/**
 * Seals every day not yet sealed, from the day after the last head (or the first entry's day) up to
 * `through` (today at the latest), at most `maxDays` of them in this transaction. Returns the days
 * sealed and whether days remain. The database seals them (`lawtrail_seal_record_days`, migration
 * RecordByDatabase: the heads `sealDay` and `dayHeadHash` describe); the application role may not
 * insert a head itself. Safe to retry: sealers take one lock and skip the days already sealed.
 */
export async function sealRecordDays(db: DataSource, through: string, maxDays = 31): Promise<{ sealed: string[]; more: boolean }> {
  const [r] = await db.query(`SELECT to_json(sealed) AS sealed, more FROM lawtrail_seal_record_days($1::date, $2)`, [through, maxDays]);
  return { sealed: r.sealed, more: r.more };
}

export interface CaseChainResult {
  caseId: string;
  entries: number;
  firstBroken: ReturnType<typeof verifyChain>['firstBroken'];
  /** The case's last entry read (a later incremental check starts from it), and the last number a day head pinned. */
  last: { seq: number; hash: string } | null;
  pinned: number;
}

export interface RecordStoreResult {
  cases: CaseChainResult[];
  days: DayChainResult;
  /** Entries not yet under a day head (appended since the last sealed day ended, or not sealed yet). */
  unsealed: number;
}

/**
 * Verifies every case chain and the day chain over them. Reads each case's entries once, keeping only
 * the links the day heads pinned.
 */
export async function verifyRecordStore(db: DataSource, only?: string): Promise<RecordStoreResult> {
  const heads = await loadDayHeads(db);
  const wanted = new Map<string, Set<number>>();
  const lastPinned = new Map<string, number>();
  for (const h of heads) {
    for (const c of h.cases) {
      (wanted.get(c.caseId) ?? wanted.set(c.caseId, new Set()).get(c.caseId)!).add(c.seq);
      lastPinned.set(c.caseId, c.seq);
    }
  }
  const stored: { case_id: string }[] = only ? [] : await db.query('SELECT DISTINCT case_id FROM case_records');
  const ids = only ? [only] : [...new Set([...stored.map((r) => r.case_id), ...wanted.keys()])].sort();
  const cases: CaseChainResult[] = [];
  const views = new Map<string, CaseChainView>();
  let unsealed = 0;
  for (const caseId of ids) {
    const rows: StoredEntry[] = await db.query('SELECT * FROM case_records WHERE case_id = $1 ORDER BY seq', [caseId]);
    const chain = verifyChain(rows);
    const end = rows[rows.length - 1];
    cases.push({ caseId, ...chain, last: end ? { seq: end.seq, hash: end.hash } : null, pinned: lastPinned.get(caseId) ?? 0 });
    const links = new Map(rows.filter((r) => wanted.get(caseId)?.has(r.seq)).map((r) => [r.seq, r.hash]));
    views.set(caseId, { hashAt: (seq) => links.get(seq), firstBrokenSeq: chain.firstBroken?.seq ?? null });
    unsealed += Math.max(0, rows.length - (lastPinned.get(caseId) ?? 0));
  }
  // One case's check does not read the other cases, so it cannot judge the day chain.
  const days = verifyDayHeads(only ? [] : heads, (id) => views.get(id));
  return { cases, days, unsealed };
}
