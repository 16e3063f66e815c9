import { ARCHIVE_FIELD_LABELS, type CaseFileFacts, caseFileFrontDocument, remarksSheetDocument } from './case-file';
import { type CaseFileItem, inRecordOrder, pageLabel, pageRanges } from './case-file-pages';
import { drawnText } from './layout';
import { PROFILES } from '../profiles/index';

// The 案卷's cover, 卷内文件目录 and 备考表 as data (rendering and joining: activities/documents/case-file.spec.ts).
const facts: CaseFileFacts = {
  agencyName: '平罗县退役军人事务局',
  caseNumber: '平退役罚立〔2026〕4号',
  decisionNumber: '平退役罚决〔2026〕2号',
  cause: '涉嫌冒领优抚金',
  parties: [{ kind: 'person', name: '王喆堃' }],
  filedAt: '2026-03-01T16:30:00.000Z',
  closedAt: '2026-04-30T02:00:00.000Z',
  retentionPeriod: '30年',
  archiveFields: [],
  archived: null,
  missing: [],
  incompleteReason: null,
  corrections: [],
  madeAt: '2026-04-30T02:00:00.000Z',
};
const items: CaseFileItem[] = [
  { kind: 'document', title: '程序启动审批表', number: '平退役罚立〔2026〕4号', at: '2026-03-01T16:30:00.000Z', pages: 1 },
  { kind: 'written', title: '询问笔录', number: null, at: '2026-03-03T02:00:00.000Z', pages: 0 },
  { kind: 'document', title: '行政处罚决定书', number: '平退役罚决〔2026〕2号', at: '2026-04-01T02:00:00.000Z', pages: 3 },
  { kind: 'audiovisual', title: '询问录像', number: null, at: '2026-04-02T02:00:00.000Z', pages: 0, file: null },
  { kind: 'document', title: '送达回证', number: null, at: '2026-04-03T02:00:00.000Z', pages: 1 },
];

describe('page ranges', () => {
  it('numbers the documents continuously from 1; records without a PDF get none', () => {
    expect(pageRanges(items)).toEqual([{ from: 1, to: 1 }, null, { from: 2, to: 4 }, null, { from: 5, to: 5 }]);
    expect(pageRanges(items).map(pageLabel)).toEqual(['1', '', '2-4', '', '5']);
    expect(pageRanges([])).toEqual([]);
  });

  it('orders by time, a document before a record of the same instant, else as given', () => {
    const at = '2026-03-03T02:00:00.000Z';
    const parts = [
      { item: { kind: 'written' as const, at }, n: 1 },
      { item: { kind: 'document' as const, at }, n: 2 },
      { item: { kind: 'document' as const, at: '2026-03-01T00:00:00.000Z' }, n: 3 },
      { item: { kind: 'written' as const, at }, n: 4 },
    ];
    expect(inRecordOrder(parts, (p) => p.item).map((p) => p.n)).toEqual([3, 2, 1, 4]);
  });
});

describe('cover and catalogue', () => {
  it('names the case on the cover, with China dates, and leaves the archive fields to fill in a draft', () => {
    const d = caseFileFrontDocument(facts, items);
    const text = drawnText(d.content);
    expect(text.slice(0, 3)).toEqual(['平罗县退役军人事务局', '行政执法案卷（草稿）', '案号：平退役罚立〔2026〕4号']);
    // 立案 at 00:30 China time on 2 March (16:30 UTC the day before).
    for (const s of ['涉嫌冒领优抚金', '王喆堃', '2026年3月2日', '2026年4月30日', '30年', '平退役罚决〔2026〕2号'])
      expect(text).toContain(s);
    expect(d.info.creationDate).toEqual(new Date(facts.madeAt));
    // Unnumbered: cover and catalogue are not counted in the 页号.
    expect(d.footer(1, 2)).toBe('');
  });

  it('adds the archive fields the pinned profile asks for (003), from the profile, each once', () => {
    const pingluo = PROFILES.find((p) => p.regulation.seed === '003')!;
    const asked = pingluo.archiving.fields!.fields;
    const values: Record<string, string> = { archive_number: 'PL-2026-4', category: '行政处罚', retention_period: '30年' };
    const archiveFields = asked.map((f) => ({ label: ARCHIVE_FIELD_LABELS[f], value: values[f] ?? null }));
    const text = drawnText(caseFileFrontDocument({ ...facts, archiveFields }, items).content);
    expect(text).toEqual(expect.arrayContaining(['归档编号', 'PL-2026-4', '类别', '行政处罚', '起始日期', '终止日期', '（归档时填写）']));
    expect(text.filter((t) => t === '保管期限')).toHaveLength(1);
    // 000 asks for none: its cover has the common rows only.
    const xlt = PROFILES.find((p) => p.regulation.seed === '000')!;
    expect(xlt.archiving.fields).toBeUndefined();
    expect(drawnText(caseFileFrontDocument(facts, items).content)).not.toContain('归档编号');
  });

  it('lists every line with its 序号, 文号, date and 页号; an audio-video record by file and SHA-256', () => {
    const av = { ...items[3], file: { name: 'audiovisual/0123456789ab.mp4', sha256: '0123456789abcdef'.repeat(4) } };
    const text = drawnText(caseFileFrontDocument(facts, [...items.slice(0, 3), av, items[4]]).content);
    const from = text.indexOf('卷内文件目录');
    expect(text.slice(from, from + 7)).toEqual(['卷内文件目录', '序号', '文书名称/题名', '文号', '日期', '页号', '备注']);
    expect(text).toEqual(expect.arrayContaining(['3', '行政处罚决定书', '平退役罚决〔2026〕2号', '2026年4月1日', '2-4']));
    expect(text.find((t) => t.startsWith('audiovisual/'))).toBe(
      'audiovisual/0123456789ab.mp4\nSHA-256：\n0123456789abcdef\n0123456789abcdef\n0123456789abcdef\n0123456789abcdef\n见电子文件',
    );
    expect(text).toContain('见执法记录');
  });
});

describe('备考表', () => {
  it('says what is missing and why, who archived it, when and where; the checker signs by hand', () => {
    const archived = {
      ...facts,
      archived: { by: '李档案', at: '2026-05-06T03:15:00.000Z', location: '档案室' },
      missing: ['听证报告'],
      incompleteReason: '听证终止',
    };
    const d = remarksSheetDocument(archived, items);
    const text = drawnText(d.content);
    expect(text.slice(0, 2)).toEqual(['平罗县退役军人事务局', '备考表']);
    for (const s of [
      '本卷共有文书3件，共5页；另有记录2份（其中音像记录1份，见电子文件）。',
      '1. 听证报告',
      '听证终止',
      '2026年5月6日 11时15分归档，存放于档案室',
      '李档案',
      '检查人',
    ])
      expect(text).toContain(s);
    expect(d.footer(1, 1)).toBe('');
    expect(drawnText(remarksSheetDocument(facts, items).content)).toEqual(expect.arrayContaining(['无', '尚未归档（草稿）']));
  });
});
