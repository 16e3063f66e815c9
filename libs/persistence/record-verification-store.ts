import { DataSource } from 'typeorm';
import { CaseChainView, DayBreak, DayHead, dayHeadHash, verifyDayHeads } from './day-heads';
import { CaseChainResult, RecordStoreResult, loadDayHeads, verifyRecordStore } from './day-heads-store';
import { StoredEntry, verifyChain } from './record-chain';

/** A verification's result, and where it started. */
export interface RecordVerification extends RecordStoreResult {
  full: boolean;
  /** The checkpoint an incremental run started from: the last day head it had verified, and when. */
  from: { day: string | null; at: Date } | null;
  /** Record entries read (a full run reads them all). */
  entriesRead: number;
}

interface Checkpoint {
  throughId: string;
  throughDay: string | null;
  dayHash: string | null;
  at: Date;
}

interface VerifiedHead {
  case_id: string;
  seq: number;
  hash: string;
  pinned_seq: number;
}

/**
 * Verifies the record and, when everything holds, makes this run the checkpoint the next one starts
 * from. Incremental (the default once an intact run exists): the day heads after the checkpoint's
 * day, chained from its head (whose stored link must still be the one verified); and only the cases
 * written since (`case_records.id` above the checkpoint's) or pinned by those later heads, each read
 * from the last entry verified (which must still carry the link verified) or from the first number a
 * later head pins, whichever is lower. Entries before a checkpoint are not re-read: an edit there is
 * found by a full run (`full`), which is what an auditor asks for.
 *
 * An entry whose id was drawn before the checkpoint but committed after it is not "written since";
 * its case is read once the next day's head pins it (sealing pins every case whose head moved).
 */
export async function verifyRecord(db: DataSource, o: { full: boolean; by: string | null }): Promise<RecordVerification> {
  const [{ max }] = await db.query('SELECT coalesce(max(id), 0)::text AS max FROM case_records');
  const [cp]: Checkpoint[] = o.full
    ? []
    : await db.query(
        `SELECT through_id::text AS "throughId", to_char(through_day, 'YYYY-MM-DD') AS "throughDay", day_hash AS "dayHash", at
           FROM record_verifications WHERE intact ORDER BY id DESC LIMIT 1`,
      );
  const result = cp ? await fromCheckpoint(db, cp, max) : await fullRun(db);
  const intact = !result.days.firstBroken && !result.cases.some((c) => c.firstBroken);
  await db.transaction(async (m) => {
    if (intact) {
      const read = result.cases.filter((c) => c.last);
      await m.query(
        `INSERT INTO record_verified_heads (case_id, seq, hash, pinned_seq)
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::int[])
         ON CONFLICT (case_id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, pinned_seq = EXCLUDED.pinned_seq`,
        [read.map((c) => c.caseId), read.map((c) => c.last!.seq), read.map((c) => c.last!.hash), read.map((c) => c.pinned)],
      );
    }
    await m.query(
      `INSERT INTO record_verifications (full_check, intact, through_id, through_day, day_hash, entries_read, by_user)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [!cp, intact, max, result.days.last?.day ?? null, result.days.last?.hash ?? null, result.entriesRead, o.by],
    );
  });
  return result;
}

async function fullRun(db: DataSource): Promise<RecordVerification> {
  const r = await verifyRecordStore(db);
  return { ...r, full: true, from: null, entriesRead: r.cases.reduce((n, c) => n + c.entries, 0) };
}

async function fromCheckpoint(db: DataSource, cp: Checkpoint, throughId: string): Promise<RecordVerification> {
  const from = { day: cp.throughDay, at: cp.at };
  const heads = await loadDayHeads(db, cp.throughDay ?? undefined);
  const [{ days }] = await db.query('SELECT count(*)::int AS days FROM record_day_heads');
  let anchor: DayHead | null = null;
  let later = heads;
  if (cp.throughDay) {
    [anchor, ...later] = heads;
    if (
      !anchor ||
      anchor.day !== cp.throughDay ||
      anchor.hash !== cp.dayHash ||
      anchor.hash !== dayHeadHash(anchor.prevHash, anchor.day, anchor.cases)
    ) {
      const firstBroken: DayBreak = { day: cp.throughDay, reason: '上次核验到的每日链头已改变（链头被修改或删除），请全部核验' };
      return { cases: [], days: { days, last: null, firstBroken }, unsealed: 0, full: false, from, entriesRead: 0 };
    }
  }
  // Per case, the first and the last number a head after the checkpoint pins.
  const pinnedLater = new Map<string, { first: number; last: number }>();
  for (const h of later)
    for (const c of h.cases) pinnedLater.set(c.caseId, { first: pinnedLater.get(c.caseId)?.first ?? c.seq, last: c.seq });
  const written: { case_id: string }[] = await db.query('SELECT DISTINCT case_id FROM case_records WHERE id > $1 AND id <= $2', [
    cp.throughId,
    throughId,
  ]);
  const ids = [...new Set([...written.map((r) => r.case_id), ...pinnedLater.keys()])].sort();
  const verified = new Map<string, VerifiedHead>(
    (await db.query('SELECT * FROM record_verified_heads WHERE case_id = ANY($1::uuid[])', [ids])).map((v: VerifiedHead) => [v.case_id, v]),
  );
  const cases: CaseChainResult[] = [];
  const views = new Map<string, CaseChainView>();
  let entriesRead = 0;
  for (const caseId of ids) {
    const known = verified.get(caseId);
    const start = known ? Math.min(known.seq, pinnedLater.get(caseId)?.first ?? known.seq) : 1;
    const rows: StoredEntry[] = await db.query('SELECT * FROM case_records WHERE case_id = $1 AND seq >= $2 ORDER BY seq', [caseId, start]);
    entriesRead += rows.length;
    const chain = caseChain(rows, start, known);
    const end = rows[rows.length - 1];
    const pinned = pinnedLater.get(caseId)?.last ?? known?.pinned_seq ?? 0;
    cases.push({ caseId, ...chain, last: end ? { seq: end.seq, hash: end.hash } : null, pinned });
    const links = new Map(rows.map((r) => [r.seq, r.hash]));
    views.set(caseId, { hashAt: (seq) => links.get(seq), firstBrokenSeq: chain.firstBroken?.seq ?? null });
  }
  const dayChain = verifyDayHeads(later, (id) => views.get(id), anchor);
  const [{ rest }] = await db.query(
    'SELECT coalesce(sum(seq - pinned_seq), 0)::int AS rest FROM record_verified_heads WHERE NOT (case_id = ANY($1::uuid[]))',
    [ids],
  );
  const unsealed = rest + cases.reduce((n, c) => n + Math.max(0, (c.last?.seq ?? 0) - c.pinned), 0);
  return { cases, days: { ...dayChain, days }, unsealed, full: false, from, entriesRead };
}

/** A case's chain read from `start`: linked on from its first row, and still holding the entry verified before. */
function caseChain(rows: StoredEntry[], start: number, known: VerifiedHead | undefined): Pick<CaseChainResult, 'entries' | 'firstBroken'> {
  const chain = start === 1 ? verifyChain(rows) : rows[0]?.seq === start ? verifyChain(rows.slice(1), rows[0]) : null;
  const firstBroken = chain?.firstBroken ?? null;
  const at = known && rows.find((r) => r.seq === known.seq);
  if (known && (!at || at.hash !== known.hash) && !(firstBroken && firstBroken.seq <= known.seq)) {
    return {
      entries: rows.length,
      firstBroken: { seq: known.seq, key: at ? at.entry_key : '', reason: '已核验过的记录与其哈希值不符（记录被修改或删除）' },
    };
  }
  if (!chain) return { entries: rows.length, firstBroken: { seq: start, key: '', reason: '序号不连续（记录被删除或插入）' } };
  return { entries: rows.length, firstBroken };
}
