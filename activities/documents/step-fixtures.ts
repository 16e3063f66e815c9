import type { FieldRecordDocument } from '#libs/documents/field-record';
import type { HearingNoticeDocument } from '#libs/documents/hearing-notice';
import type { OnTheSpotDecisionDocument } from '#libs/documents/on-the-spot-decision';
import type { PublicNoticeDocument } from '#libs/documents/public-notice';
import { DECISION_FIXTURE } from './fixtures';

/**
 * Records as the templates of the field records, the on-the-spot decision, the 公告 and the 听证通知书
 * receive them, for the rendering tests: the party of fixtures.ts, whose name and address carry the rare
 * characters (喆 堃 昇 赟 䶮), and officers whose names do too.
 */
export const INQUIRY_FIXTURE: FieldRecordDocument = {
  kind: 'inquiry_transcript',
  agencyName: '兴隆台区民政局',
  caseNumber: '兴民罚立〔2026〕12号',
  recordTitle: '对王喆堃的询问',
  parties: DECISION_FIXTURE.parties,
  subject: 'party',
  recordedAt: '2026-04-02T01:30:00.000Z',
  place: '兴隆台区民政局第二询问室',
  officers: [
    { name: '张执法', certificateNo: '21110001', shown: '询问开始时出示执法证件' },
    { name: '刘昇', certificateNo: '21110002', shown: '询问开始时出示执法证件' },
  ],
  recorder: '张执法',
  rightsTold: { rights: ['statement', 'defence', 'recusal'], method: '口头告知并记入笔录' },
  content: '问：你是否以“赟园互助会”的名义开展活动？\n答：是的，自2026年1月起。',
  signatures: { partySigned: true, signedBy: '王喆堃', refusalReason: null, witness: null },
  avCount: 1,
  avOmissionReason: null,
  correctionReason: null,
  madeAt: '2026-04-02T02:45:10.111Z',
};

export const INSPECTION_FIXTURE: FieldRecordDocument = {
  ...INQUIRY_FIXTURE,
  kind: 'on_site_inspection_transcript',
  recordTitle: '赟园小区活动场所检查',
  subject: null,
  place: '盘锦市兴隆台区昇平街赟园小区3号楼一层',
  rightsTold: null,
  content: '现场悬挂“赟园互助会”牌匾一块，室内存放会员登记册一本。',
  signatures: { partySigned: false, signedBy: null, refusalReason: '认为无须签字', witness: '小区物业经理赵䶮' },
  avCount: 0,
  avOmissionReason: '现场无法使用执法记录仪',
  madeAt: '2026-04-03T03:00:00.222Z',
};

export const ON_THE_SPOT_FIXTURE: OnTheSpotDecisionDocument = {
  agencyName: '金普新区海洋发展局',
  number: 'JP简罚〔2026〕004号',
  parties: [{ kind: 'person', name: '刘赟', idNumber: '210213198805050011', address: '大连市金普新区昇平路' }],
  facts: '当事人在禁渔区域垂钓，情节轻微。',
  legalBasis: '《渔业法》第三十八条',
  penalty: '罚款200元',
  fined: true,
  decidedAt: '2026-06-02T02:20:00.000Z',
  place: '金普新区杏树街道码头',
  items: { conditions: '违法事实确凿，有法定依据，罚款二百元', statement_and_defence: '当事人无异议' },
  collection: null,
  officer: { name: '孙喆', certificateNo: '21020001' },
  terms: { payment: { amount: 15, unit: 'day' }, review: { amount: 60, unit: 'day' }, lawsuit: { amount: 6, unit: 'month' } },
  madeAt: '2026-06-02T02:25:00.333Z',
};

export const PUBLIC_NOTICE_FIXTURE: PublicNoticeDocument = {
  agencyName: '兴隆台区民政局',
  caseNumber: '兴民罚立〔2026〕12号',
  served: { title: '行政处罚决定书', number: '兴民罚决〔2026〕7号' },
  recipient: '王喆堃',
  failed: [
    { method: 'direct', startedAt: '2026-05-07T01:00:00.000Z', reason: '受送达人下落不明' },
    { method: 'postal', startedAt: '2026-05-08T01:00:00.000Z', reason: '邮件被退回' },
  ],
  carrier: 'posting',
  place: '赟园小区公告栏及本机关公告栏',
  period: { amount: 30, unit: 'day' },
  legalBasis: '《中华人民共和国民事诉讼法》第九十五条',
  publishedAt: '2026-05-15T02:00:00.000Z',
  deemedServedAt: '2026-06-14T15:59:59.999Z',
  by: '张执法',
  madeAt: '2026-05-15T02:00:01.444Z',
};

export const HEARING_NOTICE_FIXTURE: HearingNoticeDocument = {
  agencyName: '兴隆台区民政局',
  caseNumber: '兴民罚立〔2026〕12号',
  parties: DECISION_FIXTURE.parties,
  noticeNumber: '兴民罚告〔2026〕5号',
  notifiedAt: '2026-04-22T01:00:00.000Z',
  at: '2026-05-06T01:30:00.000Z',
  place: '兴隆台区民政局第一会议室',
  host: '周堃',
  period: { amount: 7, unit: 'day' },
  by: '张执法',
  madeAt: '2026-04-22T01:05:00.555Z',
};
