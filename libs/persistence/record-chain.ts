import { createHash } from 'node:crypto';

/** The fields of a record entry that its hash covers, as stored. */
export interface ChainedEntry {
  caseId: string;
  seq: number;
  key: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  summary: string;
  legalBasis: string | null;
  details: unknown;
}

/** JSON with object keys sorted at every level, so PostgreSQL's jsonb key order cannot change a hash. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const sm3 = (s: string) => createHash('sm3').update(s, 'utf8').digest('hex');

/**
 * The entry's link in its case's chain (GB/T 39786: SM3): the hash of the previous entry's hash and
 * of this entry's canonical content. Changing any stored field, or removing an entry, breaks every
 * link after it.
 */
export function chainHash(prevHash: string | null, e: ChainedEntry): string {
  return sm3(`${prevHash ?? ''}:${sm3(canonical({ ...e, at: new Date(e.at).toISOString() }))}`);
}

export interface StoredEntry {
  case_id: string;
  seq: number;
  entry_key: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  action: string;
  summary: string;
  legal_basis: string | null;
  details: unknown;
  prev_hash: string | null;
  hash: string;
  /** The database set its time (every entry since the RecordByDatabase migration); absent in older rows. */
  db_time?: boolean;
}

export const fromRow = (r: StoredEntry): ChainedEntry => ({
  caseId: r.case_id,
  seq: r.seq,
  key: r.entry_key,
  at: r.at.toISOString(),
  actorId: r.actor_id,
  actorName: r.actor_name,
  actorRole: r.actor_role,
  action: r.action,
  summary: r.summary,
  legalBasis: r.legal_basis,
  details: r.details,
});

/**
 * Walks a case's entries in order; the first entry whose link does not hold, if any. An entry the
 * database timed may not be earlier than the one before it: the database never stamps one so, so a
 * chain whose time goes backwards was written around it (back-dated, or re-hashed after an edit).
 * `after`: the rows continue the chain from that entry (verified before), as an incremental check reads them.
 */
export function verifyChain(
  rows: StoredEntry[],
  after?: StoredEntry,
): { entries: number; firstBroken: { seq: number; key: string; reason: string } | null } {
  let prev: string | null = after?.hash ?? null;
  let prevAt: number | null = after ? after.at.getTime() : null;
  const first = (after?.seq ?? 0) + 1;
  for (const [i, r] of rows.entries()) {
    const broken = (reason: string) => ({ entries: rows.length, firstBroken: { seq: r.seq, key: r.entry_key, reason } });
    if (r.seq !== first + i) return broken('序号不连续（记录被删除或插入）');
    if (r.prev_hash !== prev) return broken('前一条记录的哈希值不符');
    if (r.hash !== chainHash(prev, fromRow(r))) return broken('记录内容与哈希值不符（记录被修改）');
    if (r.db_time && prevAt !== null && r.at.getTime() < prevAt) return broken('记录时间早于前一条记录（时间倒流，记录被倒签或改写）');
    prev = r.hash;
    prevAt = r.at.getTime();
  }
  return { entries: rows.length, firstBroken: null };
}
