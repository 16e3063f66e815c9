import { CaseChainView, CaseHead, DayHead, dayHeadHash, sealDay, verifyDayHeads } from './day-heads';

// The daily chain head across cases: one SM3 link per China day over the previous day's
// head and the heads of the case chains that changed that day, so removing or re-hashing a whole
// case chain is caught even though the case's own chain would verify.
const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const h = (caseId: string, seq: number): CaseHead => ({ caseId, seq, hash: `${caseId.slice(0, 1)}${seq}`.padEnd(64, '0') });

/** Three sealed days: A and B start on the 1st, only B changes on the 2nd, nothing on the 3rd. */
function threeDays(): DayHead[] {
  const pinned = new Map<string, number>();
  const d1 = sealDay(null, '2026-11-01', [h(B, 2), h(A, 3)], pinned);
  const d2 = sealDay(d1, '2026-11-02', [h(A, 3), h(B, 5)], pinned);
  const d3 = sealDay(d2, '2026-11-03', [h(A, 3), h(B, 5)], pinned);
  return [d1, d2, d3];
}

/** The case chains as stored: every link present and verifying, unless changed by a test. */
function chains(overrides: Record<string, Partial<CaseChainView> | null> = {}) {
  const latest: Record<string, number> = { [A]: 3, [B]: 5 };
  return (caseId: string): CaseChainView | undefined => {
    if (overrides[caseId] === null) return undefined;
    const base: CaseChainView = { hashAt: (seq) => (seq <= latest[caseId] ? h(caseId, seq).hash : undefined), firstBrokenSeq: null };
    return { ...base, ...overrides[caseId] };
  };
}

it('pins each changed case head once, in case-id order, linked to the day before; a quiet day still has its link', () => {
  const [d1, d2, d3] = threeDays();
  expect(d1.cases.map((c) => c.caseId)).toEqual([A, B]);
  expect(d1.prevHash).toBeNull();
  expect(d2).toMatchObject({ prevHash: d1.hash, cases: [h(B, 5)] });
  expect(d3).toMatchObject({ prevHash: d2.hash, cases: [] });
  expect(d1.hash).toMatch(/^[0-9a-f]{64}$/);
  expect(dayHeadHash(d1.prevHash, d1.day, [...d1.cases].reverse())).not.toBe(d1.hash);
});

it('accepts an intact day chain and gives the last head to publish', () => {
  const heads = threeDays();
  expect(verifyDayHeads(heads, chains())).toEqual({ days: 3, last: { day: '2026-11-03', hash: heads[2].hash }, firstBroken: null });
  expect(verifyDayHeads([], chains())).toEqual({ days: 0, last: null, firstBroken: null });
});

it('names the first broken day when a whole case chain is removed', () => {
  expect(verifyDayHeads(threeDays(), chains({ [B]: null })).firstBroken).toEqual({
    day: '2026-11-01',
    caseId: B,
    seq: 2,
    reason: '案件记录第2条已不存在（记录被删除）',
  });
});

it('names the first broken day when a case chain is re-hashed consistently after an edit', () => {
  const rewritten = { hashAt: (seq: number) => (seq <= 5 ? 'e'.repeat(64) : undefined), firstBrokenSeq: null };
  expect(verifyDayHeads(threeDays(), chains({ [B]: rewritten })).firstBroken).toMatchObject({
    day: '2026-11-01',
    caseId: B,
    reason: expect.stringContaining('记录链被改写'),
  });
});

it('names the day that pinned an entry whose own link fails, and the entry', () => {
  expect(verifyDayHeads(threeDays(), chains({ [B]: { firstBrokenSeq: 4 } })).firstBroken).toEqual({
    day: '2026-11-02',
    caseId: B,
    seq: 4,
    reason: '案件记录第4条与其哈希值不符（记录被修改）',
  });
});

it('names an edited, relinked or deleted day head', () => {
  const [d1, d2, d3] = threeDays();
  const edited = { ...d2, cases: [h(B, 4)] };
  expect(verifyDayHeads([d1, edited, d3], chains()).firstBroken).toMatchObject({
    day: '2026-11-02',
    reason: expect.stringContaining('链头被修改'),
  });
  const relinked = { ...d2, prevHash: 'f'.repeat(64) };
  expect(verifyDayHeads([d1, relinked, d3], chains()).firstBroken).toMatchObject({ day: '2026-11-02', reason: '前一日链头的哈希值不符' });
  expect(verifyDayHeads([d1, d3], chains()).firstBroken).toMatchObject({
    day: '2026-11-03',
    reason: expect.stringContaining('缺少2026-11-02'),
  });
});

it('an entry committed after its day was sealed is pinned the next day, not lost', () => {
  const pinned = new Map<string, number>();
  const d1 = sealDay(null, '2026-11-01', [h(A, 1)], pinned);
  // A's second entry carries a time on the 1st but arrived after the 1st was sealed.
  const d2 = sealDay(d1, '2026-11-02', [h(A, 2)], pinned);
  expect(d2.cases).toEqual([h(A, 2)]);
});
