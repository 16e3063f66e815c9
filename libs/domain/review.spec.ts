import { PROFILES } from '../profiles';
import { describePenalties, reviewGates } from './review';

// 行政处罚法 57(2) and 58(1): which cases need 集体讨论 and 法制审核, computed from the case.
const rules = PROFILES.find((p) => p.id === 'huayin-housing')!.decision;
const fine = [{ kind: 'fine' as const, amountYuan: 5000 }];

describe('reviewGates', () => {
  it('a plain fine with nothing found needs neither gate', () => {
    expect(reviewGates(rules, { penalties: fine, findings: [], hearingHeld: false })).toEqual({
      legalReview: { required: false, reasons: [] },
      collectiveDiscussion: { required: false, reasons: [] },
    });
  });

  it('a held hearing makes legal review mandatory by itself (58(二))', () => {
    const g = reviewGates(rules, { penalties: fine, findings: [], hearingHeld: true });
    expect(g.legalReview).toEqual({ required: true, reasons: ['直接关系当事人或者第三人重大权益，经过听证程序'] });
    expect(g.collectiveDiscussion.required).toBe(false);
  });

  it.each([
    'qualification_downgrade',
    'licence_revocation',
    'business_restriction',
    'production_suspension',
    'closure',
    'practice_restriction',
  ] as const)('proposing %s is a serious violation: collective discussion (57(2))', (kind) => {
    const g = reviewGates(rules, { penalties: [{ kind }], findings: [], hearingHeld: false });
    expect(g.collectiveDiscussion).toEqual({ required: true, reasons: ['重大违法行为'] });
    expect(g.legalReview.required).toBe(false);
  });

  it.each(['warning', 'criticism', 'fine', 'confiscation', 'licence_suspension'] as const)('proposing %s alone is not', (kind) => {
    expect(reviewGates(rules, { penalties: [{ kind }], findings: [], hearingHeld: false }).collectiveDiscussion.required).toBe(false);
  });

  it('findings map to the gate that names them, each with its reason', () => {
    const g = reviewGates(rules, {
      penalties: fine,
      findings: ['major_public_interest', 'complex_multiple_legal_relations', 'complex_circumstances', 'other_by_law'],
      hearingHeld: false,
    });
    expect(g.legalReview.reasons).toEqual([
      '涉及重大公共利益',
      '案件情况疑难复杂、涉及多个法律关系',
      '法律、法规规定应当进行法制审核的其他情形',
    ]);
    expect(g.collectiveDiscussion.reasons).toEqual(['情节复杂']);
  });

  it('only the cases the profile lists count', () => {
    const narrow = {
      ...rules,
      legalReview: { ...rules.legalReview, requiredWhen: { ...rules.legalReview.requiredWhen, cases: ['other_by_law' as const] } },
    };
    expect(reviewGates(narrow, { penalties: fine, findings: ['major_public_interest'], hearingHeld: true }).legalReview.required).toBe(
      false,
    );
  });
});

it('describes the proposal in one line, or 不予行政处罚 when nothing is proposed', () => {
  expect(
    describePenalties([
      { kind: 'fine', amountYuan: 200 },
      { kind: 'licence_revocation', description: '吊销许可证' },
    ]),
  ).toBe('罚款200元、吊销许可证件（吊销许可证）');
  expect(describePenalties([])).toBe('不予行政处罚');
});
