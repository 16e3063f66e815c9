import { type CaseFileFacts, caseFileFrontDocument, remarksSheetDocument } from './case-file';
import type { CaseFileItem } from './case-file-pages';
import { type GeneratedEntry, correctionsOf, inForce } from './case-file-versions';
import { drawnText } from './layout';

// A corrected document in the 案卷: the catalogue and pages hold the version in force, the 备考表 says which
// version it replaced, when, by whom and why (the `document_generated` entry of the correction).
const hash = (c: string) => c.repeat(64);
const versions = [
  { id: 'a1', kind: 'initiation_approval', number: '兴民罚立〔2026〕3号', version: 1, sha256: hash('a'), replaces: null },
  { id: 'd1', kind: 'decision', number: '兴民罚决〔2026〕5号', version: 1, sha256: hash('1'), replaces: null },
  { id: 'd2', kind: 'decision', number: '兴民罚决〔2026〕5号', version: 2, sha256: hash('2'), replaces: 'd1' },
  { id: 'd3', kind: 'decision', number: '兴民罚决〔2026〕5号', version: 3, sha256: hash('3'), replaces: 'd2' },
];
const generated = (documentId: string, at: string, actor: string, reason?: string): GeneratedEntry => ({
  at: new Date(at),
  actor_name: actor,
  action: 'document_generated',
  details: { documentId, ...(reason && { reason }) },
});
const entries: GeneratedEntry[] = [
  generated('a1', '2026-03-01T02:00:00.000Z', '赵执法'),
  generated('d1', '2026-04-01T02:00:00.000Z', '钱局长'),
  { at: new Date('2026-04-02T02:00:00.000Z'), actor_name: '赵执法', action: 'record_flagged', details: { recordId: 'r1' } },
  generated('d2', '2026-04-03T06:30:00.000Z', '赵执法', '标注涉密证据'),
  generated('d3', '2026-04-05T01:00:00.000Z', '孙法制', '更正当事人地址'),
];
const describe_ = (v: (typeof versions)[number]) => ({
  title: v.kind === 'decision' ? '行政处罚决定书' : '程序启动审批表',
  number: v.number,
});

it('keeps the versions no later one replaces: each document once, the latest', () => {
  expect(inForce(versions).map((v) => v.id)).toEqual(['a1', 'd3']);
  expect(inForce([])).toEqual([]);
});

it('reads each correction from the entry of the new version: which replaced which, when, by whom, why', () => {
  const corrections = correctionsOf(versions, entries, describe_);
  expect(corrections).toEqual([
    {
      title: '行政处罚决定书',
      number: '兴民罚决〔2026〕5号',
      replaced: { version: 1, sha256: hash('1') },
      by: { version: 2, sha256: hash('2') },
      at: '2026-04-03T06:30:00.000Z',
      actorName: '赵执法',
      reason: '标注涉密证据',
    },
    expect.objectContaining({
      replaced: { version: 2, sha256: hash('2') },
      by: { version: 3, sha256: hash('3') },
      reason: '更正当事人地址',
    }),
  ]);
  // No correction: nothing to say.
  expect(correctionsOf(versions.slice(0, 2), entries, describe_)).toEqual([]);
});

const facts: CaseFileFacts = {
  agencyName: '兴隆台区民政局',
  caseNumber: '兴民罚立〔2026〕3号',
  decisionNumber: '兴民罚决〔2026〕5号',
  cause: '未经登记开展社会组织活动',
  parties: [{ kind: 'person', name: '王喆堃' }],
  filedAt: '2026-03-01T02:00:00.000Z',
  closedAt: null,
  retentionPeriod: null,
  archiveFields: [],
  archived: null,
  missing: [],
  incompleteReason: null,
  corrections: correctionsOf(versions, entries, describe_),
  madeAt: '2026-04-05T01:00:00.000Z',
};
const items: CaseFileItem[] = [
  { kind: 'document', title: '程序启动审批表', number: '兴民罚立〔2026〕3号', at: '2026-03-01T02:00:00.000Z', pages: 1, version: 1 },
  {
    kind: 'document',
    title: '行政处罚决定书',
    number: '兴民罚决〔2026〕5号',
    at: '2026-04-01T02:00:00.000Z',
    pages: 2,
    version: 3,
    sha256: hash('3'),
  },
];

it('lists the corrected document once in the catalogue, its version in force marked, pointing to the 备考表', () => {
  const text = drawnText(caseFileFrontDocument(facts, items).content);
  expect(text.filter((t) => t === '行政处罚决定书')).toHaveLength(1);
  expect(text).toEqual(
    expect.arrayContaining([
      '2-3',
      `第3版，SHA-256：\n${'3'.repeat(16)}\n${'3'.repeat(16)}\n${'3'.repeat(16)}\n${'3'.repeat(16)}\n见备考表`,
    ]),
  );
  expect(text.filter((t) => t.startsWith('第1版'))).toEqual([]);
});

it('says in the 备考表 which version was replaced by which, when (China time), by whom and why', () => {
  const text = drawnText(remarksSheetDocument(facts, items).content);
  expect(text).toContain('本卷共有文书2件，共3页；另有记录0份（其中音像记录0份，见电子文件）。');
  expect(text).toContain(
    [
      `1. 行政处罚决定书（兴民罚决〔2026〕5号）第1版（SHA-256：${'1'.repeat(16)}…）于2026年4月3日 14时30分由赵执法更正为第2版（SHA-256：${'2'.repeat(16)}…），理由：标注涉密证据`,
      `2. 行政处罚决定书（兴民罚决〔2026〕5号）第2版（SHA-256：${'2'.repeat(16)}…）于2026年4月5日 9时00分由孙法制更正为第3版（SHA-256：${'3'.repeat(16)}…），理由：更正当事人地址`,
    ].join('\n'),
  );
  expect(drawnText(remarksSheetDocument({ ...facts, corrections: [] }, items).content)).toEqual(
    expect.arrayContaining(['更正的文书', '无']),
  );
});
