import { createHash } from 'node:crypto';
import { collectiveDiscussionDocument } from '#libs/documents/collective-discussion-record';
import { decisionDocument } from '#libs/documents/decision';
import { courtApplicationDocument } from '#libs/documents/court-application';
import { legalReviewOpinionDocument } from '#libs/documents/legal-review-opinion';
import { asPreview } from '#libs/documents/preview';
import type { DocDefinition } from '#libs/documents/pdf';
import { ensurePoppler, pdfText } from '../../test/support/poppler';
import { DECISION_FIXTURE, DEMAND_FIXTURE } from './fixtures';
import { fontGaps, renderPdf } from './render';

// The review chain's documents and the court application: the same record renders to the same bytes, and
// pdftotext finds the party (rare characters: 喆 堃 昇 赟 䶮), the number and the key fields.
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const squeeze = (s: string) => s.replace(/\s+/g, '');
const { agencyName, caseNumber, parties } = DECISION_FIXTURE;

beforeAll(() => ensurePoppler());

async function rendersTwiceAlike(d: DocDefinition): Promise<string> {
  const a = await renderPdf(d);
  expect(sha(await renderPdf(d))).toBe(sha(a));
  expect(fontGaps(d)).toEqual([]);
  return squeeze(pdfText(a));
}

it('法制审核意见书: the draft reviewed, the conclusion, the opinion and suggestions, the reviewer and time (行政处罚法 58)', async () => {
  const text = await rendersTwiceAlike(
    legalReviewOpinionDocument({
      agencyName,
      caseNumber,
      parties,
      reviewed: {
        facts: DECISION_FIXTURE.draft.facts,
        legalBasis: DECISION_FIXTURE.draft.legalBasis,
        penalties: '罚款1000元',
        draftedBy: '张执法',
      },
      reasons: ['涉及重大公共利益'],
      passed: true,
      opinion: '事实清楚，证据确凿，依据正确',
      suggestions: '对刘䶮的陈述再作核实',
      fields: ['reviewer', 'opinion', 'suggestions'],
      basis: '《中华人民共和国行政处罚法》第五十八条第一款',
      reviewer: { name: '赵昇', at: '2026-05-04T02:00:00.000Z' },
      madeAt: '2026-05-04T02:00:00.000Z',
    }),
  );
  for (const s of [
    '兴隆台区民政局',
    '法制审核意见书',
    '案号：兴民罚立〔2026〕12号',
    '王喆堃',
    '当事人刘䶮以社会团体名义开展活动',
    '■审核通过□审核不通过',
    '事实清楚，证据确凿，依据正确',
    '对刘䶮的陈述再作核实',
    '签名：赵昇2026年5月4日10时00分',
    '第1页共1页',
  ])
    expect(text).toContain(s);
});

it('集体讨论记录: time, chair, participants, recorder, the minutes and the conclusion (行政处罚法 57 第二款)', async () => {
  const text = await rendersTwiceAlike(
    collectiveDiscussionDocument({
      agencyName,
      caseNumber,
      parties,
      heldAt: '2026-05-05T01:00:00.000Z',
      chair: '李局长',
      participants: ['李局长', '王堃', '陈赟'],
      recorder: '张执法',
      reasons: ['情节复杂'],
      draft: { version: 1, penalties: '罚款1000元' },
      minutes: '与会人员认为事实清楚',
      conclusion: '同意罚款1000元',
      form: 'written_record',
      basis: null,
      madeAt: '2026-05-05T02:00:00.000Z',
    }),
  );
  for (const s of [
    '集体讨论记录',
    '2026年5月5日9时00分',
    '李局长、王堃、陈赟',
    '第一稿处理意见：罚款1000元',
    '与会人员认为事实清楚',
    '同意罚款1000元',
    '参加人员签名',
  ])
    expect(text).toContain(s);
});

it('强制执行申请书: the court, the decision and the 催告书 with their service, the sum and the materials (行政强制法 53–55)', async () => {
  const text = await rendersTwiceAlike(
    courtApplicationDocument({
      agencyName,
      caseNumber,
      court: '盘锦市兴隆台区人民法院',
      parties,
      decision: { ...DEMAND_FIXTURE.decision, servedOn: '2026-05-06' },
      demand: { datedOn: DEMAND_FIXTURE.datedOn, servedOn: '2026-12-01', content: DEMAND_FIXTURE.demand },
      waited: '十个工作日',
      remedies: '被申请人在法定期限内未申请行政复议，也未提起行政诉讼',
      owed: { ...DEMAND_FIXTURE.owed!, on: '2026-12-20' },
      appliedOn: '2026-12-20',
      appliedBy: '张执法',
      madeAt: '2026-12-20T02:00:00.000Z',
    }),
  );
  for (const s of [
    '强制执行申请书',
    '王喆堃',
    '211103199001011234',
    '兴民罚决〔2026〕7号行政处罚决定书（罚款1000元）',
    '合计2000.00元',
    '催告书送达十个工作日后，被申请人仍未履行义务',
    '盘锦市兴隆台区人民法院',
    '第五十五条第一款',
    '兴隆台区民政局（印章）',
    '2026年12月20日',
  ])
    expect(text).toContain(s);
});

it('a preview draws the same body with its mark, and renders to the same bytes for the same instant', async () => {
  const d = asPreview(decisionDocument({ ...DECISION_FIXTURE, number: '兴民罚决〔＿＿＿＿〕＿＿号', decidedOn: null, issuedBy: null }));
  const text = await rendersTwiceAlike(d);
  for (const s of [
    '兴民罚决〔＿＿＿＿〕＿＿号',
    '＿＿＿＿年＿＿月＿＿日',
    '承办人：（制发时录入）',
    '预',
    '当事人刘䶮以社会团体名义开展活动',
  ])
    expect(text).toContain(s);
});
