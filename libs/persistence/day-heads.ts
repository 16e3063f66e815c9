import { createHash } from 'node:crypto';
import { addDays } from '../calendar/dates';
import { canonical } from './record-chain';

/** A case chain's head as a day head pins it: its last entry's number and SM3 link. */
export interface CaseHead {
  caseId: string;
  seq: number;
  hash: string;
}

/** One China calendar day's head (每日链头), as stored in `record_day_heads`. */
export interface DayHead {
  day: string;
  prevHash: string | null;
  cases: CaseHead[];
  hash: string;
}

const sm3 = (s: string) => createHash('sm3').update(s, 'utf8').digest('hex');

/**
 * The day's link (SM3, like the case chains): the previous day's head and the canonical list of the
 * case heads that changed that day. Every field is in the hash, so a stored head cannot be edited.
 */
export function dayHeadHash(prevHash: string | null, day: string, cases: CaseHead[]): string {
  return sm3(`${prevHash ?? ''}:${sm3(canonical({ day, cases: cases.map(({ caseId, seq, hash }) => ({ caseId, seq, hash })) }))}`);
}

/** Case ids in a fixed, locale-free order (code points), so every sealer builds the same list. */
const byCaseId = (a: CaseHead, b: CaseHead) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0);

/**
 * Seals `day`: of the case heads as of the end of that day, those that differ from the last head
 * pinned for the case (new cases and cases with new entries), in canonical order, linked to the
 * previous day. `pinned` (case → last pinned seq) is updated. An entry committed after its day was
 * sealed is not lost: it moves its case's head, so the next day pins it.
 */
export function sealDay(prev: DayHead | null, day: string, heads: CaseHead[], pinned: Map<string, number>): DayHead {
  const cases = heads.filter((h) => pinned.get(h.caseId) !== h.seq).sort(byCaseId);
  for (const c of cases) pinned.set(c.caseId, c.seq);
  const prevHash = prev?.hash ?? null;
  return { day, prevHash, cases, hash: dayHeadHash(prevHash, day, cases) };
}

/** What the day chain needs to know of one case's stored chain. */
export interface CaseChainView {
  /** The stored link of entry `seq`, if the entry exists. */
  hashAt(seq: number): string | undefined;
  /** The first entry whose own link does not hold (per-case verification), or null. */
  firstBrokenSeq: number | null;
}

export interface DayBreak {
  day: string;
  reason: string;
  caseId?: string;
  seq?: number;
}

export interface DayChainResult {
  days: number;
  last: { day: string; hash: string } | null;
  firstBroken: DayBreak | null;
}

/**
 * Walks the day heads in order and names the first day that does not hold: a missing day, a broken
 * link or edited head, or a pinned case head that is gone, rewritten (its stored link differs — a
 * chain re-hashed consistently after an edit) or no longer verifies. Deleting a whole case's
 * entries, or rewriting a chain end to end, is therefore caught at the first day that pinned it.
 * `after`: the heads continue from that day (verified before), as an incremental check reads them;
 * `days` then counts `heads` alone.
 */
export function verifyDayHeads(
  heads: DayHead[],
  chainOf: (caseId: string) => CaseChainView | undefined,
  after: DayHead | null = null,
): DayChainResult {
  const lastHead = heads.length ? heads[heads.length - 1] : after;
  const result = (firstBroken: DayBreak | null): DayChainResult => ({
    days: heads.length,
    last: lastHead ? { day: lastHead.day, hash: lastHead.hash } : null,
    firstBroken,
  });
  let prev: DayHead | null = after;
  for (const h of heads) {
    const broken = (reason: string, at?: CaseHead) => result({ day: h.day, reason, ...(at ? { caseId: at.caseId, seq: at.seq } : {}) });
    if (prev && h.day !== addDays(prev.day, 1)) return broken(`日期不连续，缺少${addDays(prev.day, 1)}的链头（链头被删除）`);
    if (h.prevHash !== (prev?.hash ?? null)) return broken('前一日链头的哈希值不符');
    if (h.hash !== dayHeadHash(h.prevHash, h.day, h.cases)) return broken('链头内容与哈希值不符（链头被修改）');
    for (const c of h.cases) {
      const chain = chainOf(c.caseId);
      const stored = chain?.hashAt(c.seq);
      if (stored === undefined) return broken(`案件记录第${c.seq}条已不存在（记录被删除）`, c);
      if (stored !== c.hash) return broken(`案件记录第${c.seq}条的哈希值与当日链头不符（记录链被改写）`, c);
      if (chain!.firstBrokenSeq !== null && chain!.firstBrokenSeq <= c.seq) {
        return broken(`案件记录第${chain!.firstBrokenSeq}条与其哈希值不符（记录被修改）`, { ...c, seq: chain!.firstBrokenSeq });
      }
    }
    prev = h;
  }
  return result(null);
}
