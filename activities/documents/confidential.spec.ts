import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake/js/index';
import { partyCopy, shownEvidence } from '#libs/documents/confidential';
import { decisionDocument } from '#libs/documents/decision';
import { FONT } from '#libs/documents/layout';
import { serviceReceiptDocument } from '#libs/documents/service-receipt';
import { ensurePoppler, pdfText } from '../../test/support/poppler';
import { DECISION_FIXTURE, RECEIPT_FIXTURE } from './fixtures';
import { renderPdf } from './render';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const squeeze = (s: string) => s.replace(/\s+/g, '');

beforeAll(() => ensurePoppler());

describe('confidential content (行政处罚法 50)', () => {
  it('leaves an unflagged title as it is, marks a flagged one 涉密 in the original and withholds it with the reason in a party copy', () => {
    expect(shownEvidence('现场检查笔录', [], 'party')).toBe('现场检查笔录');
    expect(shownEvidence('配方检验报告', ['commercial_secret', 'privacy'], 'original')).toBe('配方检验报告〔涉密：商业秘密、个人隐私〕');
    expect(shownEvidence('配方检验报告', ['commercial_secret'], 'party')).toBe(
      '■■■（涉及商业秘密，依《中华人民共和国行政处罚法》第五十条不予提供）',
    );
  });

  it('prints the flagged title in the original 决定书 and not in the party copy, which says what it is', async () => {
    const evidence = (copy: 'original' | 'party') => [
      shownEvidence('配方检验报告', ['commercial_secret'], copy),
      '现场检查笔录（2026年4月3日）',
    ];
    const original = squeeze(pdfText(await renderPdf(decisionDocument({ ...DECISION_FIXTURE, evidence: evidence('original') }))));
    const copy = squeeze(pdfText(await renderPdf(partyCopy(decisionDocument({ ...DECISION_FIXTURE, evidence: evidence('party') })))));
    expect(original).toContain('配方检验报告〔涉密：商业秘密〕');
    expect(copy).not.toContain('配方检验报告');
    expect(copy).toContain('■■■（涉及商业秘密，依《中华人民共和国行政处罚法》第五十条不予提供）');
    expect(copy).toContain('现场检查笔录');
    expect(copy).toContain('本件为提供当事人查阅、复制的文本');
  });
});

describe('fonts kept in memory', () => {
  it('render the bytes pdfmake gives with the fonts by path, whatever was rendered before', async () => {
    // pdfmake as lawtrail called it before the fonts were cached: its own instance, the faces by path.
    const byPath = new (Object.getPrototypeOf(pdfmake).constructor as new () => typeof pdfmake)();
    const dir = dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json'));
    const [regular, bold] = [join(dir, '400Regular', 'NotoSerifSC_400Regular.ttf'), join(dir, '700Bold', 'NotoSerifSC_700Bold.ttf')];
    byPath.setFonts({ [FONT]: { normal: regular, bold, italics: regular, bolditalics: bold } });
    byPath.setUrlAccessPolicy(() => false);
    byPath.setLocalAccessPolicy((p) => p === regular || p === bold);

    const receipt = await renderPdf(serviceReceiptDocument(RECEIPT_FIXTURE));
    await renderPdf(decisionDocument(DECISION_FIXTURE));
    expect(sha(await renderPdf(serviceReceiptDocument(RECEIPT_FIXTURE)))).toBe(sha(receipt));
    expect(sha(await byPath.createPdf(serviceReceiptDocument(RECEIPT_FIXTURE)).getBuffer())).toBe(sha(receipt));
    expect(sha(await byPath.createPdf(decisionDocument(DECISION_FIXTURE)).getBuffer())).toBe(
      sha(await renderPdf(decisionDocument(DECISION_FIXTURE))),
    );
  });
});
