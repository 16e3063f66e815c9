import { chineseNumber } from './layout';
import { decisionDocument, type DecisionDocument } from './decision';
import { initiationApprovalDocument } from './initiation-approval';
import { DOCUMENT_KINDS, MADE_BY, documentFileNames, documentPossible } from './kinds';
import { checkBoxes, chineseDate, chineseTime, drawnText as texts } from './layout';
import { hearingTold } from './pre-decision-notice';
import { serviceReceiptDocument } from './service-receipt';

// The templates are data (pdfmake definitions) computed from the record alone: the PDF's dates are the
// step's time, the page foot counts pages, an agency's difference comes from its data (name; the
// discretion benchmark 003 wants is in the approved draft), never from an `if` on the agency.
const decision: DecisionDocument = {
  terms: {
    payment: { amount: 15, unit: 'day' },
    dailyRatePercent: 3,
    cappedAtFine: true,
    review: { amount: 60, unit: 'day' },
    lawsuit: { amount: 6, unit: 'month' },
  },
  agencyName: '华阴市住房和城乡建设局',
  number: '华住建罚决〔2026〕3号',
  caseNumber: '华住建罚立〔2026〕9号',
  parties: [{ kind: 'organisation', name: '华阴市某建筑有限公司', idNumber: '91610582MA6Y000000', address: '华阴市岳庙街道' }],
  draft: { facts: '未取得施工许可证擅自施工。', legalBasis: '《建筑工程施工许可管理办法》第十二条', penalties: [{ kind: 'warning' }] },
  evidence: [],
  decidedOn: '2026-12-31',
  approval: null,
  issuedBy: '赵执法',
  madeAt: '2026-12-31T15:59:59.000Z',
};

it('dates the PDF by the step that made it and counts pages at the foot', () => {
  const d = decisionDocument(decision);
  expect(d.info).toMatchObject({
    creationDate: new Date(decision.madeAt),
    modDate: new Date(decision.madeAt),
    author: decision.agencyName,
  });
  expect(d.footer(2, 3)).toMatchObject({ text: '第 2 页 共 3 页' });
  expect(texts(d.content).slice(0, 3)).toEqual(['华阴市住房和城乡建设局', '行政处罚决定书', '华住建罚决〔2026〕3号']);
});

it('tells how to pay only when there is a fine, and names the benchmark only when the draft applied one', () => {
  const warning = texts(decisionDocument(decision).content).join('');
  expect(warning).not.toContain('缴纳罚款');
  expect(warning).not.toContain('适用《');
  expect(warning).toContain('统一社会信用代码');
  const fined = texts(
    decisionDocument({
      ...decision,
      draft: {
        ...decision.draft,
        penalties: [{ kind: 'fine', amountYuan: 5000 }],
        discretion: { benchmark: '住建行政处罚裁量基准', application: '一般情节' },
      },
    }).content,
  ).join('');
  expect(fined).toContain('十五日内缴纳罚款');
  expect(fined).toContain('适用《住建行政处罚裁量基准》（一般情节）');
  expect(fined).toContain('罚款5000元');
});

it('ticks the attempt’s method on the 送达回证 and leaves the signature for the hand', () => {
  const r = serviceReceiptDocument({
    agencyName: '华阴市住房和城乡建设局',
    caseNumber: null,
    served: { title: '行政处罚决定书', number: decision.number },
    recipient: '华阴市某建筑有限公司',
    place: null,
    method: 'postal',
    via: null,
    by: '赵执法',
    startedAt: '2026-12-31T16:00:00.000Z',
    madeAt: '2026-12-31T16:00:00.500Z',
  });
  const all = texts(r.content);
  expect(all).toContain('□直接送达  □留置送达  ■邮寄送达  □委托送达  □转交送达');
  expect(all).toContain('2027年1月1日 0时00分开始送达\n\n');
  expect(all).not.toContain('案号：');
});

it('writes China dates and times, and marks one check box', () => {
  expect(chineseDate('2026-01-09')).toBe('2026年1月9日');
  expect(chineseTime('2026-01-08T16:05:00.000Z')).toBe('2026年1月9日 0时05分');
  expect(checkBoxes(['是', '否'], '否')).toBe('□是  ■否');
});

it('has a kind only once the step that makes it is in the record, and names its files', () => {
  for (const kind of DOCUMENT_KINDS) {
    expect(documentPossible(kind, [])).toBe(false);
    const { action, key, details } = MADE_BY[kind];
    expect(documentPossible(kind, [{ action, key: key ?? 'any', details }])).toBe(true);
  }
  // The 催告书's step is named by its key: another deadline set does not make one.
  expect(documentPossible('demand_notice', [{ action: 'deadline_set', key: 'decision-deadline' }])).toBe(false);
  expect(documentFileNames('decision', '华住建罚决〔2026〕3号', 'ab12cd34ef')).toEqual({
    name: '行政处罚决定书（华住建罚决〔2026〕3号）-ab12cd34.pdf',
    ascii: 'decision-ab12cd34.pdf',
  });
  expect(documentFileNames('service_receipt', null, 'ab12cd34ef').name).toBe('送达回证-ab12cd34.pdf');
});

it('draws a case that names no party yet with the row left blank, not an empty table', () => {
  const d = decisionDocument({ ...decision, parties: [] });
  expect(texts(d.content)).toContain('（未记录）');
});

it('names the approver as the profile does and shows an emergency start only where there was one', () => {
  const form = {
    agencyName: '平罗县退役军人事务局',
    caseNumber: 'PL罚立〔2026〕1号',
    source: 'ex_officio' as const,
    caseSource: '日常检查',
    reason: '检查发现',
    facts: '事实',
    parties: [],
    emergencyAt: null,
    handler: { opinion: '建议立案', name: '甲', at: '2026-03-01T00:00:00.000Z' },
    unitHead: null,
    approver: { opinion: '同意', name: '乙', at: '2026-03-02T00:00:00.000Z', title: '本单位负责人' },
    madeAt: '2026-03-02T00:00:01.000Z',
  };
  const all = texts(initiationApprovalDocument(form).content);
  expect(all).toEqual(
    expect.arrayContaining(['案号：PL罚立〔2026〕1号', '依职权：日常检查', '本单位负责人意见', '签名：乙    2026年3月2日 8时00分']),
  );
  expect(all).not.toContain('情况紧急先行启动');
  expect(texts(initiationApprovalDocument({ ...form, emergencyAt: '2026-03-01T00:00:00.000Z' }).content)).toContain('情况紧急先行启动');
});

it('tells the right to a hearing where the profile has it told or the penalty intended is one 行政处罚法 63 opens to it', () => {
  expect(hearingTold(['statement', 'defence'], { penalties: [{ kind: 'warning' }] })).toBe(false);
  expect(hearingTold(['statement', 'defence'], null)).toBe(false);
  expect(hearingTold(['statement', 'defence', 'hearing'], null)).toBe(true);
  expect(hearingTold(['statement'], { penalties: [{ kind: 'warning' }, { kind: 'licence_revocation' }] })).toBe(true);
  expect(hearingTold(['statement'], { penalties: [{ kind: 'fine', amountYuan: 200 }] })).toBe(true);
});

it('tells the periods and the rate of the pinned profile, in Chinese figures (never written into the template)', () => {
  expect([3, 10, 15, 60, 105, 110, 180, 1000].map(chineseNumber)).toEqual([
    '三',
    '十',
    '十五',
    '六十',
    '一百零五',
    '一百一十',
    '一百八十',
    '一千',
  ]);
  const other = texts(
    decisionDocument({
      ...decision,
      draft: { ...decision.draft, penalties: [{ kind: 'fine', amountYuan: 5000 }] },
      terms: {
        ...decision.terms,
        payment: { amount: 30, unit: 'day' },
        dailyRatePercent: 1,
        cappedAtFine: false,
        lawsuit: { amount: 15, unit: 'day' },
      },
    }).content,
  ).join('');
  expect(other).toContain('三十日内缴纳罚款');
  expect(other).toContain('百分之一加处罚款（第七十二条）');
  expect(other).toContain('在十五日内依法向人民法院提起行政诉讼');
});

it('tells a field record by its kind, a 公告 by its method and an on-the-spot decision by its key', () => {
  const written = (kind: string) => [{ action: 'evidence_recorded', key: 'evidence:1', details: { recordId: '1', kind } }];
  expect(documentPossible('inquiry_transcript', written('inquiry_transcript'))).toBe(true);
  expect(documentPossible('inquiry_transcript', written('on_site_inspection_transcript'))).toBe(false);
  expect(documentPossible('on_site_inspection_transcript', written('sampling_record'))).toBe(false);
  const attempt = (method: string) => [{ action: 'service_attempted', key: 'service-attempt:1', details: { attemptId: '1', method } }];
  expect(documentPossible('public_notice', attempt('public_notice'))).toBe(true);
  expect(documentPossible('public_notice', attempt('direct'))).toBe(false);
  const onTheSpot = [{ action: 'decision_issued', key: 'summary-decision' }];
  expect(documentPossible('on_the_spot_decision', onTheSpot)).toBe(true);
  expect(documentPossible('decision', onTheSpot)).toBe(false);
});
