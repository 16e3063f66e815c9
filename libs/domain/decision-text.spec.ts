import { decisionText } from './decision-text';

// 行政处罚法 59: the document states the facts, evidence, legal basis and penalty — here, the approved draft's.
const draft = {
  facts: '占道经营',
  evidenceIds: ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'],
  legalBasis: '《城市市容和环境卫生管理条例》第三十六条',
  penalties: [{ kind: 'warning' as const }, { kind: 'fine' as const, amountYuan: 1000 }],
};

describe('decisionText', () => {
  it('renders facts, evidence, legal basis and penalties with amounts, one per line', () => {
    expect(decisionText(draft)).toBe(
      [
        '违法事实：占道经营',
        '证据：11111111-1111-4111-8111-111111111111、22222222-2222-4222-8222-222222222222',
        '法律依据：《城市市容和环境卫生管理条例》第三十六条',
        '处理决定：警告、罚款1000元',
      ].join('\n'),
    );
  });

  it('is the same text for the same draft (deterministic, usable in workflow code)', () => {
    expect(decisionText({ ...draft })).toBe(decisionText(draft));
  });

  it('a draft proposing no penalty says so', () => {
    expect(decisionText({ ...draft, evidenceIds: [], penalties: [] })).toContain('处理决定：不予行政处罚');
  });
});
