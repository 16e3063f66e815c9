import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { decisionDocument } from '#libs/documents/decision';
import { demandNoticeDocument } from '#libs/documents/demand-notice';
import { preDecisionNoticeDocument } from '#libs/documents/pre-decision-notice';
import { initiationApprovalDocument } from '#libs/documents/initiation-approval';
import { serviceReceiptDocument } from '#libs/documents/service-receipt';
import { ensurePoppler, pdfText } from '../../test/support/poppler';
import { DECISION_FIXTURE, DEMAND_FIXTURE, INITIATION_FIXTURE, NOTICE_FIXTURE, RECEIPT_FIXTURE } from './fixtures';
import { fontGaps, renderPdf } from './render';

// The same record renders to the same bytes (README "Documents"): anyone holding the record can
// regenerate a document and compare its SHA-256 with the one the record names.
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const squeeze = (s: string) => s.replace(/\s+/g, '');

beforeAll(() => ensurePoppler());

describe('行政处罚决定书', () => {
  it('renders the same record twice to identical bytes, and another step time to other bytes', async () => {
    const [a, b] = [await renderPdf(decisionDocument(DECISION_FIXTURE)), await renderPdf(decisionDocument(DECISION_FIXTURE))];
    expect(sha(a)).toBe(sha(b));
    const later = await renderPdf(decisionDocument({ ...DECISION_FIXTURE, madeAt: '2026-05-06T03:15:43.123Z' }));
    expect(sha(later)).not.toBe(sha(a));
    // The trailer's /ID comes from the fixed dates, not from chance.
    expect(a.toString('latin1')).toMatch(/\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]/);
    const info = execFileSync('pdfinfo', ['-isodates', '-'], { input: a }).toString();
    expect(info).toMatch(/CreationDate:\s+2026-05-06T03:15:42Z/);
    expect(info).toMatch(/ModDate:\s+2026-05-06T03:15:42Z/);
  });

  it('says the 文号, the party, the facts, the basis, the penalty, the remedies and the seal (行政处罚法 59)', async () => {
    const text = squeeze(pdfText(await renderPdf(decisionDocument(DECISION_FIXTURE))));
    for (const s of [
      '兴隆台区民政局',
      '行政处罚决定书',
      '兴民罚决〔2026〕7号',
      '王喆堃',
      '211103199001011234',
      '当事人刘䶮以社会团体名义开展活动',
      '询问笔录（2026年4月2日）',
      '《社会团体登记管理条例》第三十条',
      '罚款1000元',
      '十五日内缴纳罚款',
      '六十日内依法申请行政复议',
      '六个月内依法向人民法院提起行政诉讼',
      '兴隆台区民政局（印章）',
      '2026年5月6日',
      '李局长（签名：李明）',
      '第1页共1页',
    ])
      expect(text).toContain(s);
  });

  it('embeds Noto Serif SC as subsets', async () => {
    const fonts = execFileSync('pdffonts', ['-'], { input: await renderPdf(decisionDocument(DECISION_FIXTURE)) }).toString();
    const rows = fonts.split('\n').filter((l) => l.includes('NotoSerifSC'));
    expect(rows.length).toBe(2); // regular and bold
    for (const r of rows) expect(r).toMatch(/^[A-Z]{6}\+NotoSerifSC.*\byes\s+yes\b/);
  });
});

describe('送达回证', () => {
  it('renders the same attempt twice to identical bytes, with the served document, recipient and method ticked', async () => {
    const a = await renderPdf(serviceReceiptDocument(RECEIPT_FIXTURE));
    expect(sha(await renderPdf(serviceReceiptDocument(RECEIPT_FIXTURE)))).toBe(sha(a));
    const text = squeeze(pdfText(a));
    for (const s of [
      '送达回证',
      '案号：兴民罚立〔2026〕12号',
      '行政处罚决定书（兴民罚决〔2026〕7号）',
      '王喆堃',
      '昇平街赟园',
      '■直接送达',
      '□留置送达',
      '张执法',
    ])
      expect(text).toContain(s);
  });
});

describe('程序启动审批表', () => {
  it('renders the same filing twice to identical bytes, with the 案号, the form and every signed opinion', async () => {
    const a = await renderPdf(initiationApprovalDocument(INITIATION_FIXTURE));
    expect(sha(await renderPdf(initiationApprovalDocument(INITIATION_FIXTURE)))).toBe(sha(a));
    const text = squeeze(pdfText(a));
    for (const s of [
      '金普新区海洋发展局',
      '程序启动审批表',
      '案号：JP罚立〔2026〕3号',
      '投诉、举报：群众实名举报',
      '刘赟，210213198805050011',
      '情况紧急先行启动',
      '建议立案调查',
      '签名：周科长2026年6月2日11时00分',
      '局长意见',
      '签名：吴局长2026年6月2日13时30分',
    ])
      expect(text).toContain(s);
  });
});

describe('行政处罚事先告知书', () => {
  it('renders the same notice twice to identical bytes, with the facts, the penalty intended and both rights with their periods', async () => {
    const a = await renderPdf(preDecisionNoticeDocument(NOTICE_FIXTURE));
    expect(sha(await renderPdf(preDecisionNoticeDocument(NOTICE_FIXTURE)))).toBe(sha(a));
    const text = squeeze(pdfText(a));
    for (const s of [
      '兴隆台区民政局',
      '行政处罚事先告知书',
      '兴民罚告〔2026〕5号',
      '王喆堃：',
      '当事人刘䶮以社会团体名义开展活动',
      '《社会团体登记管理条例》第三十条',
      '拟对你（单位）作出如下行政处罚：罚款1000元',
      '自收到本告知书之日起3个工作日内向本机关提出陈述、申辩',
      '第六十三条、第六十四条',
      '自收到本告知书之日起5个工作日内向本机关提出',
      '2026年4月20日',
      '案号：兴民罚立〔2026〕12号',
    ])
      expect(text).toContain(s);
  });

  it('renders without a draft, an address, a number or a hearing right (a template that threw would retry its step forever)', async () => {
    const bare = preDecisionNoticeDocument({
      ...NOTICE_FIXTURE,
      number: null,
      caseNumber: null,
      parties: [{ kind: 'person', name: '王喆堃' }],
      draft: null,
      evidence: [],
      hearingPeriod: null,
    });
    const text = squeeze(pdfText(await renderPdf(bare)));
    expect(text).toContain('当事人以社会团体名义开展活动。');
    expect(text).toContain('（告知时尚未拟定，未记录）');
    expect(text).not.toContain('听证');
    expect(text).toContain('案号：（未编号）');
  });
});

describe('催告书', () => {
  it('renders the same demand twice to identical bytes, with the obligation, the deadline, the amount and the right to state and defend', async () => {
    const a = await renderPdf(demandNoticeDocument(DEMAND_FIXTURE));
    expect(sha(await renderPdf(demandNoticeDocument(DEMAND_FIXTURE)))).toBe(sha(a));
    const text = squeeze(pdfText(a));
    for (const s of [
      '催告书',
      '兴民罚决〔2026〕7号（催告）',
      '王喆堃：',
      '本机关于2026年5月6日作出兴民罚决〔2026〕7号行政处罚决定书',
      '应当于2026年5月21日前缴纳罚款',
      '自收到本催告书之日起十日内缴纳罚款及加处罚款共计二千元',
      '1000.00元',
      '合计应缴2000.00元',
      '有权进行陈述和申辩',
      '申请人民法院强制执行',
      '2026年11月28日',
      '李局长，2026年11月28日9时00分',
    ])
      expect(text).toContain(s);
  });

  it('renders a demand with no money owed, no decision number, no approval and no party recorded', async () => {
    const bare = demandNoticeDocument({
      ...DEMAND_FIXTURE,
      caseNumber: null,
      parties: [],
      decision: { number: null, decidedOn: null, penalties: null },
      lastDayToPay: null,
      owed: null,
      approval: null,
      demand: '自收到本催告书之日起十日内拆除违法建筑。',
    });
    const text = squeeze(pdfText(await renderPdf(bare)));
    expect(text).toContain('当事人：');
    expect(text).toContain('本机关作出行政处罚决定书。你（单位）至今未履行该决定确定的义务。');
    expect(text).toContain('拆除违法建筑');
    expect(text).not.toContain('合计应缴');
    expect(text).toContain('负责人批准：（无）');
  });
});

describe('characters the font lacks', () => {
  it('finds none among the rare characters of names it covers, and names one it lacks while the PDF still renders', async () => {
    expect(fontGaps(decisionDocument(DECISION_FIXTURE))).toEqual([]);
    // 𠮷 (U+20BB7, the 吉 of some family names) is outside Noto Serif SC.
    const lacking = serviceReceiptDocument({ ...RECEIPT_FIXTURE, recipient: '𠮷田昇' });
    expect(fontGaps(lacking)).toEqual(['𠮷']);
    expect(squeeze(pdfText(await renderPdf(lacking)))).toContain('田昇');
  });
});
