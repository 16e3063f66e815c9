import { DataSource, EntityManager } from 'typeorm';
import { addDays, chinaDate, chinaDayStart } from '../calendar/dates';
import { CaseChainView, CaseHead, DayChainResult, DayHead, sealDay, verifyDayHeads } from './day-heads';
import { StoredEntry, verifyChain } from './record-chain';

/** Any fixed number: sealers queue behind one another instead of computing the same day twice. */
const SEAL_LOCK = 1795411200;

interface DayHeadRow {
  day: string;
  prev_hash: string | null;
  cases: CaseHead[];
  hash: string;
}

const fromRow = (r: DayHeadRow): DayHead => ({ day: r.day, prevHash: r.prev_hash, cases: r.cases, hash: r.hash });

export async function loadDayHeads(m: EntityManager | DataSource): Promise<DayHead[]> {
  const rows: DayHeadRow[] = await m.query('SELECT day, prev_hash, cases, hash FROM record_day_heads ORDER BY day');
  return rows.map(fromRow);
}

/**
 * Seals every day not yet sealed, from the day after the last head (or the first entry's day) up to
 * `through`, at most `maxDays` of them in this transaction. Returns the days sealed and whether days
 * remain. Safe to retry: sealers take one lock and skip the days already sealed.
 */
export async function sealRecordDays(db: DataSource, through: string, maxDays = 31): Promise<{ sealed: string[]; more: boolean }> {
  return db.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock($1)', [SEAL_LOCK]);
    const heads = await loadDayHeads(m);
    let prev = heads.at(-1) ?? null;
    let day: string;
    if (prev) day = addDays(prev.day, 1);
    else {
      const [first] = await m.query('SELECT min(at) AS at FROM case_records');
      if (!first?.at) return { sealed: [], more: false };
      day = chinaDate(new Date(first.at));
    }
    const pinned = new Map<string, number>();
    for (const h of heads) for (const c of h.cases) pinned.set(c.caseId, c.seq);
    const sealed: string[] = [];
    for (; day <= through && sealed.length < maxDays; day = addDays(day, 1)) {
      // Each case's head as of the end of the day: its last entry timed before midnight China time.
      const rows: { case_id: string; seq: number; hash: string }[] = await m.query(
        `SELECT c.id AS case_id, r.seq, r.hash FROM cases c
           CROSS JOIN LATERAL (SELECT seq, hash FROM case_records WHERE case_id = c.id AND at < $1 ORDER BY seq DESC LIMIT 1) r`,
        [chinaDayStart(addDays(day, 1)).toISOString()],
      );
      const head = sealDay(prev, day, rows.map((r) => ({ caseId: r.case_id, seq: r.seq, hash: r.hash })), pinned);
      await m.query('INSERT INTO record_day_heads (day, prev_hash, cases, hash) VALUES ($1, $2, $3, $4)', [
        head.day, head.prevHash, JSON.stringify(head.cases), head.hash,
      ]);
      sealed.push(day);
      prev = head;
    }
    return { sealed, more: day <= through };
  });
}

export interface CaseChainResult {
  caseId: string;
  entries: number;
  firstBroken: ReturnType<typeof verifyChain>['firstBroken'];
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
    cases.push({ caseId, ...chain });
    const links = new Map(rows.filter((r) => wanted.get(caseId)?.has(r.seq)).map((r) => [r.seq, r.hash]));
    views.set(caseId, { hashAt: (seq) => links.get(seq), firstBrokenSeq: chain.firstBroken?.seq ?? null });
    unsealed += Math.max(0, rows.length - (lastPinned.get(caseId) ?? 0));
  }
  // One case's check does not read the other cases, so it cannot judge the day chain.
  const days = verifyDayHeads(only ? [] : heads, (id) => views.get(id));
  return { cases, days, unsealed };
}
