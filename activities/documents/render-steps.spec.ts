import { createHash } from 'node:crypto';
import { fieldRecordDocument } from '#libs/documents/field-record';
import { hearingNoticeDocument } from '#libs/documents/hearing-notice';
import { onTheSpotDecisionDocument } from '#libs/documents/on-the-spot-decision';
import { publicNoticeDocument } from '#libs/documents/public-notice';
import type { DocDefinition } from '#libs/documents/pdf';
import { ensurePoppler, pdfText } from '../../test/support/poppler';
import { fontGaps, renderPdf } from './render';
import { HEARING_NOTICE_FIXTURE, INQUIRY_FIXTURE, INSPECTION_FIXTURE, ON_THE_SPOT_FIXTURE, PUBLIC_NOTICE_FIXTURE } from './step-fixtures';

// The field records, the on-the-spot decision, the 公告 and the 听证通知书 as render.spec.ts checks the
// others: the same record renders to the same bytes, and the text holds the number, the party and the key
// fields, rare characters of names included.
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Renders twice (same bytes, no character the font lacks) and returns the text without spaces. */
async function rendered(definition: () => DocDefinition): Promise<string> {
  const a = await renderPdf(definition());
  expect(sha(await renderPdf(definition()))).toBe(sha(a));
  expect(fontGaps(definition())).toEqual([]);
  return squeeze(pdfText(a));
}

beforeAll(() => ensurePoppler());

describe('询问笔录', () => {
  it('renders the same record twice to identical bytes, with time, place, officers and certificates, rights told, content and signature', async () => {
    const text = await rendered(() => fieldRecordDocument(INQUIRY_FIXTURE));
    for (const s of [
      '兴隆台区民政局',
      '询问笔录',
      '案号：兴民罚立〔2026〕12号',
      '对王喆堃的询问',
      '2026年4月2日9时30分',
      '兴隆台区民政局第二询问室',
      '刘昇（执法证件号：21110002）',
      '询问开始时出示执法证件',
      '■当事人□证人',
      '■陈述■申辩■申请回避□听证',
      '口头告知并记入笔录',
      '■已同步音像记录（1份）',
      '盘锦市兴隆台区昇平街赟园小区3号楼',
      '问：你是否以“赟园互助会”的名义开展活动？',
      '被询问人签名：王喆堃',
      '询问人：张执法、刘昇',
    ])
      expect(text).toContain(s);
  });
});

describe('现场检查（勘验）笔录', () => {
  it('renders a refusal to sign with its witness, no rights told and why no audio-video was made', async () => {
    const text = await rendered(() => fieldRecordDocument(INSPECTION_FIXTURE));
    for (const s of [
      '现场检查（勘验）笔录',
      '检查（勘验）地点',
      '盘锦市兴隆台区昇平街赟园小区3号楼一层',
      '（本笔录未记录权利告知）',
      '□已同步音像记录；未记录的原因：现场无法使用执法记录仪',
      '现场悬挂“赟园互助会”牌匾一块',
      '拒绝签名（理由：认为无须签字），见证人：小区物业经理赵䶮',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('询问对象');
  });
});

describe('当场行政处罚决定书', () => {
  it('renders the same decision twice to identical bytes, with its 文号, facts, basis, penalty, payment, remedies and the officer', async () => {
    const text = await rendered(() => onTheSpotDecisionDocument(ON_THE_SPOT_FIXTURE));
    for (const s of [
      '金普新区海洋发展局',
      '当场行政处罚决定书',
      'JP简罚〔2026〕004号',
      '刘赟',
      '大连市金普新区昇平路',
      '当事人在禁渔区域垂钓',
      '《渔业法》第三十八条',
      '罚款200元',
      '□当场缴纳■到指定银行或者通过电子支付系统缴纳',
      '十五日内缴纳罚款',
      '六十日内依法申请行政复议',
      '六个月内依法向人民法院提起行政诉讼',
      '金普新区杏树街道码头',
      '当事人无异议',
      '执法人员：孙喆（执法证件号：21020001）',
      '2026年6月2日10时20分',
      '当事人签名',
    ])
      expect(text).toContain(s);
  });

  it('ticks the fine collected on the spot with its receipt, and tells no payment for a warning', async () => {
    const collected = await rendered(() =>
      onTheSpotDecisionDocument({ ...ON_THE_SPOT_FIXTURE, collection: { amountYuan: 200, receiptNumber: 'LN0012345' } }),
    );
    expect(collected).toContain('■当场缴纳□到指定银行');
    expect(collected).toContain('罚款收据编号：LN0012345');
    expect(collected).not.toContain('十五日内缴纳罚款');
    const warning = await rendered(() =>
      onTheSpotDecisionDocument({ ...ON_THE_SPOT_FIXTURE, number: null, penalty: '警告', fined: false, items: {} }),
    );
    expect(warning).not.toContain('缴纳');
    expect(warning).toContain('警告');
  });
});

describe('公告', () => {
  it('renders the same notice twice to identical bytes, with the document served, the methods that failed, the carrier and the day deemed served', async () => {
    const text = await rendered(() => publicNoticeDocument(PUBLIC_NOTICE_FIXTURE));
    for (const s of [
      '公告',
      '王喆堃：',
      '行政处罚决定书（兴民罚决〔2026〕7号）',
      '直接送达（2026年5月7日9时00分，受送达人下落不明）',
      '邮寄送达（2026年5月8日9时00分，邮件被退回）',
      '■张贴□报纸□网站',
      '赟园小区公告栏',
      '自2026年5月15日起三十日',
      '2026年6月14日23时59分',
      '自公告发布之日起经过三十日，即视为送达',
      '《中华人民共和国民事诉讼法》第九十五条',
      '兴隆台区民政局（印章）',
    ])
      expect(text).toContain(s);
  });
});

describe('听证通知书', () => {
  it('renders the same notice twice to identical bytes, with the time, place, presiding officer and the party’s rights at the hearing', async () => {
    const text = await rendered(() => hearingNoticeDocument(HEARING_NOTICE_FIXTURE));
    for (const s of [
      '听证通知书',
      '王喆堃：',
      '兴民罚告〔2026〕5号行政处罚事先告知书提出的听证申请',
      '2026年5月6日9时30分',
      '兴隆台区民政局第一会议室',
      '周堃',
      '有权申请回避',
      '委托一至二人代理',
      '视为放弃听证权利',
      '须在举行听证七日前送达',
      '2026年4月22日',
    ])
      expect(text).toContain(s);
  });

  it('leaves the presiding officer for the hand where none was recorded', async () => {
    const text = await rendered(() =>
      hearingNoticeDocument({ ...HEARING_NOTICE_FIXTURE, host: null, noticeNumber: null, caseNumber: null }),
    );
    expect(text).toContain('听证主持人');
    expect(text).not.toContain('周堃');
    expect(text).toContain('根据你（单位）对本机关行政处罚事先告知书提出的听证申请');
  });
});
