import { collectiveDiscussionDocument, type CollectiveDiscussionDocument } from './collective-discussion-record';
import { decisionDocument } from './decision';
import { courtApplicationDocument, type CourtApplicationDocument } from './court-application';
import { documentPossible } from './kinds';
import { drawnText as texts } from './layout';
import { legalReviewOpinionDocument, type LegalReviewOpinionDocument } from './legal-review-opinion';
import { BLANK_DATE, NOT_ISSUED, PREVIEW_MARK, asPreview, numberPlaceholder } from './preview';

// The review chain's documents and the court application as data: what an agency's profile changes
// (the fields its legal review records, the form of its meeting record) comes in as data, never an `if`.
const review: LegalReviewOpinionDocument = {
  agencyName: '华阴市住房和城乡建设局',
  caseNumber: '华住建罚立〔2026〕9号',
  parties: [{ kind: 'organisation', name: '华阴市某建筑有限公司' }],
  reviewed: { facts: '擅自施工', legalBasis: '《建设工程质量管理条例》第五十七条', penalties: '罚款20000元', draftedBy: '赵执法' },
  reasons: ['涉及重大公共利益'],
  passed: false,
  opinion: '吊销许可证的依据不足',
  suggestions: null,
  fields: ['reviewer', 'opinion', 'suggestions'],
  basis: '《中华人民共和国行政处罚法》第五十八条第一款',
  reviewer: { name: '钱法制', at: '2026-03-02T02:00:00.000Z' },
  madeAt: '2026-03-02T02:00:00.000Z',
};

it('ticks the legal review’s conclusion and gives the suggestions a row only where the profile records them (行政处罚法 58)', () => {
  const all = texts(legalReviewOpinionDocument(review).content);
  expect(all).toEqual(expect.arrayContaining(['□审核通过  ■审核不通过', '审核建议', '（无）', '案号：华住建罚立〔2026〕9号']));
  expect(all).toContain('签名：钱法制    2026年3月2日 10时00分');
  // 003 records the opinion only: no suggestions row unless some were given.
  const only = texts(legalReviewOpinionDocument({ ...review, fields: ['opinion'], passed: true }).content);
  expect(only).not.toContain('审核建议');
  expect(only).toContain('■审核通过  □审核不通过');
  expect(texts(legalReviewOpinionDocument({ ...review, fields: ['opinion'], suggestions: '补充证据' }).content)).toContain('补充证据');
});

const meeting: CollectiveDiscussionDocument = {
  agencyName: '华阴市住房和城乡建设局',
  caseNumber: null,
  parties: [],
  heldAt: '2026-03-03T01:30:00.000Z',
  chair: '赵局长',
  participants: ['赵局长', '钱副局长', '孙副局长'],
  recorder: '钱法制',
  reasons: ['重大违法行为'],
  draft: { version: 2, penalties: '罚款20000元' },
  minutes: '讨论纪要',
  conclusion: '同意',
  form: 'record_or_minutes',
  basis: '华阴市住房和城乡建设局行政执法全过程记录制度 第十九条',
  madeAt: '2026-03-03T03:00:00.000Z',
};

it('labels the minutes as the profile records the meeting, and names the chair only where recorded (行政处罚法 57 第二款)', () => {
  const all = texts(collectiveDiscussionDocument(meeting).content);
  expect(all).toEqual(
    expect.arrayContaining([
      '讨论记录（会议纪要）',
      '赵局长',
      '赵局长、钱副局长、孙副局长',
      '第二稿处理意见：罚款20000元',
      '案号：（未编号）',
    ]),
  );
  expect(all.join('')).toContain('第五十七条第二款；华阴市住房和城乡建设局行政执法全过程记录制度 第十九条');
  const written = texts(collectiveDiscussionDocument({ ...meeting, form: 'written_record', chair: null }).content);
  expect(written).toContain('讨论记录');
  expect(written).not.toContain('讨论记录（会议纪要）');
  expect(written).toContain('（未记录）');
});

const application: CourtApplicationDocument = {
  agencyName: '兴隆台区民政局',
  caseNumber: '兴民罚立〔2026〕12号',
  court: '盘锦市兴隆台区人民法院',
  parties: [{ kind: 'person', name: '王五' }],
  decision: { number: '兴民罚决〔2026〕7号', decidedOn: '2026-05-06', penalties: '罚款1000元', servedOn: '2026-05-07' },
  demand: { datedOn: '2026-11-28', servedOn: '2026-12-01', content: '自收到本催告书之日起十日内缴纳罚款。' },
  waited: '十个工作日',
  remedies: '被申请人在法定期限内未申请行政复议，也未提起行政诉讼',
  owed: { fine: '1000.00', surcharge: '1000.00', total: '2000.00', on: '2026-12-20', dailyRatePercent: 3 },
  appliedOn: '2026-12-20',
  appliedBy: '张执法',
  madeAt: '2026-12-20T02:00:00.000Z',
};

it('asks the court to enforce the decision, telling its service, the 催告书 and the party’s failure (行政强制法 53–55)', () => {
  const all = texts(courtApplicationDocument(application).content).join('');
  for (const s of [
    '请求人民法院强制执行本机关作出的兴民罚决〔2026〕7号行政处罚决定书（罚款1000元）',
    '合计2000.00元',
    '于2026年5月7日送达被申请人',
    '于2026年12月1日送达被申请人，催告其自收到本催告书之日起十日内缴纳罚款。催告书送达十个工作日后，被申请人仍未履行义务',
    '盘锦市兴隆台区人民法院',
    '行政机关负责人（签名）',
    '2026年12月20日',
  ])
    expect(all).toContain(s);
  const bare = texts(
    courtApplicationDocument({
      ...application,
      owed: null,
      decision: { number: null, decidedOn: null, penalties: null, servedOn: null },
    }).content,
  ).join('');
  expect(bare).toContain('本机关作出行政处罚决定书，已送达被申请人。');
  expect(bare).not.toContain('合计');
});

it('has a legal review opinion only once a legal review is completed, not any task', () => {
  expect(documentPossible('legal_review_opinion', [{ action: 'task_completed', key: 'task:1', details: { kind: 'draft_review' } }])).toBe(
    false,
  );
  expect(documentPossible('legal_review_opinion', [{ action: 'task_completed', key: 'task:2', details: { kind: 'legal_review' } }])).toBe(
    true,
  );
});

it('shows a 文号 not given yet as the numbering rule with year and sequence blank, and marks a preview', () => {
  expect(numberPlaceholder({ mode: 'assigned', pattern: '{agencyShort}罚决〔{year}〕{seq:3}号' }, '兴民')).toBe(
    '兴民罚决〔＿＿＿＿〕＿＿号',
  );
  expect(numberPlaceholder({ mode: 'manual' }, '兴民')).toBe('（文号于制发时填写）');
  const d = decisionDocument({
    terms: {
      payment: { amount: 15, unit: 'day' },
      dailyRatePercent: 3,
      cappedAtFine: true,
      review: { amount: 60, unit: 'day' },
      lawsuit: { amount: 6, unit: 'month' },
    },
    agencyName: '兴隆台区民政局',
    number: '兴民罚决〔＿＿＿＿〕＿＿号',
    caseNumber: null,
    parties: [],
    draft: { facts: '事实', legalBasis: '依据', penalties: [{ kind: 'warning' }] },
    evidence: [],
    decidedOn: null,
    approval: null,
    issuedBy: null,
    madeAt: '2026-05-06T03:15:42.123Z',
  });
  expect(texts(d.content)).toEqual(expect.arrayContaining([BLANK_DATE, NOT_ISSUED]));
  const p = asPreview(d);
  expect(p.watermark?.text).toBe(PREVIEW_MARK);
  expect(p.info.title).toBe('行政处罚决定书 兴民罚决〔＿＿＿＿〕＿＿号（预览稿）');
  expect(p.content).toBe(d.content);
});
