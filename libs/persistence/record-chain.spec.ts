import { ChainedEntry, StoredEntry, canonical, chainHash, verifyChain } from './record-chain';

// The tamper-evident case record: SM3 links, canonical content, the first broken entry named.
const entry = (seq: number, summary: string): ChainedEntry => ({
  caseId: '11111111-1111-4111-8111-111111111111',
  seq,
  key: `k${seq}`,
  at: `2026-11-23T0${seq}:00:00.000Z`,
  actorId: null,
  actorName: null,
  actorRole: null,
  action: 'deadline_set',
  summary,
  legalBasis: null,
  details: { b: 1, a: [2, { d: 3, c: 4 }] },
});
function stored(entries: ChainedEntry[]): StoredEntry[] {
  let prev: string | null = null;
  return entries.map((e) => {
    const hash = chainHash(prev, e);
    const row: StoredEntry = {
      case_id: e.caseId,
      seq: e.seq,
      entry_key: e.key,
      at: new Date(e.at),
      actor_id: null,
      actor_name: null,
      actor_role: null,
      action: e.action,
      summary: e.summary,
      legal_basis: null,
      details: e.details,
      prev_hash: prev,
      hash,
    };
    prev = hash;
    return row;
  });
}

it('writes objects with sorted keys at every level', () => {
  expect(canonical({ b: 1, a: [2, { d: 3, c: 4 }], u: undefined })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
});

it('uses SM3 (64 hex digits) and depends on the previous link', () => {
  const e = entry(1, '立案');
  expect(chainHash(null, e)).toMatch(/^[0-9a-f]{64}$/);
  expect(chainHash('x', e)).not.toBe(chainHash(null, e));
});

it('accepts an intact chain and names the first altered, removed or relinked entry', () => {
  const rows = stored([entry(1, '立案'), entry(2, '调查'), entry(3, '决定')]);
  expect(verifyChain(rows)).toEqual({ entries: 3, firstBroken: null });
  const altered = rows.map((r) => (r.seq === 2 ? { ...r, summary: '调查（改）' } : r));
  expect(verifyChain(altered).firstBroken).toMatchObject({ seq: 2, key: 'k2', reason: expect.stringContaining('被修改') });
  expect(verifyChain([rows[0], rows[2]]).firstBroken).toMatchObject({ seq: 3, reason: expect.stringContaining('序号不连续') });
  const relinked = rows.map((r) => (r.seq === 3 ? { ...r, prev_hash: 'f'.repeat(64) } : r));
  expect(verifyChain(relinked).firstBroken).toMatchObject({ seq: 3, reason: expect.stringContaining('前一条') });
});

it('names the first database-timed entry earlier than the one before it; older entries may be out of order', () => {
  const backwards = [entry(1, '立案'), { ...entry(2, '调查'), at: '2026-11-23T00:30:00.000Z' }, entry(3, '决定')];
  const rows = stored(backwards);
  expect(verifyChain(rows).firstBroken).toBeNull(); // timed by the workflow, before the database set the time
  const timed = rows.map((r) => ({ ...r, db_time: true }));
  expect(verifyChain(timed).firstBroken).toMatchObject({ seq: 2, key: 'k2', reason: expect.stringContaining('时间倒流') });
  expect(verifyChain(stored([entry(1, '立案'), entry(2, '调查')]).map((r) => ({ ...r, db_time: true }))).firstBroken).toBeNull();
});
