import { Seed, SEEDS, profileOf, officer, ALL_RIGHTS, record, codes } from '../../test/support/evidence';
import { Right, WrittenKind, checkOfficers, checkRightsTold } from './evidence';

/*
 * Expectations below come from the seeds (/work/shared/seeds/000..004) and national law
 * (行政处罚法 第四十二条、第五十五条; 最高人民法院关于行政诉讼证据若干问题的规定 第十二条),
 * not from the code: a profile or rule that drifts from them makes a test fail.
 */

// ---------------------------------------------------------------------------------------------
// Two officers with certificates shown (行政处罚法 第四十二条第一款、第五十五条第一款)
// ---------------------------------------------------------------------------------------------

describe('checkOfficers: 执法人员不得少于两人、出示执法证件 (行政处罚法 第四十二条、第五十五条)', () => {
  const GATED: [WrittenKind, string][] = [
    ['inquiry_transcript', '询问笔录'],
    ['on_site_inspection_transcript', '现场检查（勘验）笔录'],
  ];

  describe.each(SEEDS)('profile %s', (seed) => {
    const profile = profileOf(seed);

    describe.each(GATED)('%s (%s)', (kind) => {
      it('two distinct officers who showed their certificates pass (行政处罚法 第四十二条)', () => {
        expect(checkOfficers(profile, record(kind))).toEqual([]);
      });

      it('one officer → OFFICERS_TOO_FEW on officers, message names 2名 (行政处罚法 第四十二条第一款)', () => {
        const errors = checkOfficers(profile, record(kind, { officers: [officer(1)] }));
        expect(errors).toEqual([{ field: 'officers', code: 'OFFICERS_TOO_FEW', message: expect.stringContaining('2名') }]);
      });

      it('no officer at all → OFFICERS_TOO_FEW (行政处罚法 第四十二条第一款)', () => {
        expect(codes(checkOfficers(profile, record(kind, { officers: [] })))).toEqual(['OFFICERS_TOO_FEW']);
      });

      it('the same officer listed twice counts once → OFFICERS_TOO_FEW (行政处罚法 第四十二条第一款)', () => {
        const errors = checkOfficers(profile, record(kind, { officers: [officer(1), officer(1)] }));
        expect(errors).toContainEqual({ field: 'officers', code: 'OFFICERS_TOO_FEW', message: expect.stringContaining('2名') });
      });

      it('two officers with one certificate number → CERTIFICATE_DUPLICATE on officers[1].certificateNo (行政处罚法 第五十五条)', () => {
        const errors = checkOfficers(
          profile,
          record(kind, { officers: [officer(1), officer(2, { certificateNo: officer(1).certificateNo })] }),
        );
        expect(errors).toEqual([
          { field: 'officers[1].certificateNo', code: 'CERTIFICATE_DUPLICATE', message: expect.stringMatching(/证件/) },
        ]);
      });

      it('a third officer repeating the first certificate → CERTIFICATE_DUPLICATE on officers[2].certificateNo (行政处罚法 第五十五条)', () => {
        const officers = [officer(1), officer(2), officer(3, { certificateNo: officer(1).certificateNo })];
        expect(checkOfficers(profile, record(kind, { officers }))).toEqual([
          { field: 'officers[2].certificateNo', code: 'CERTIFICATE_DUPLICATE', message: expect.any(String) },
        ]);
      });

      it.each([0, 1])('officers[%i] without 出示情况 → CERTIFICATE_NOT_SHOWN on officers[i].shown (行政处罚法 第五十五条第一款)', (i) => {
        for (const shown of ['', '   ', undefined as unknown as string]) {
          const officers = [officer(1), officer(2)];
          officers[i] = { ...officers[i], shown };
          expect(checkOfficers(profile, record(kind, { officers }))).toEqual([
            { field: `officers[${i}].shown`, code: 'CERTIFICATE_NOT_SHOWN', message: expect.stringMatching(/出示/) },
          ]);
        }
      });
    });

    it.each<WrittenKind>(['appraisal_opinion', 'hearing_record'])(
      '%s is not an inquiry or inspection: no officer errors even with no officers (行政处罚法 第五十五条 applies to 调查、检查)',
      (kind) => {
        expect(checkOfficers(profile, record(kind, { officers: [] }))).toEqual([]);
        expect(checkOfficers(profile, record(kind, { officers: [officer(1), officer(1, { shown: '' })] }))).toEqual([]);
      },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Rights told, and the telling recorded
// ---------------------------------------------------------------------------------------------

/** The word each right is named by in the seeds (the message must name it in Chinese). */
const RIGHT_WORD: Record<Right, string> = {
  statement: '陈述',
  defence: '申辩',
  recusal: '回避',
  hearing: '听证',
  review: '复议',
  lawsuit: '诉讼',
};

const RIGHTS_BY_SEED: [Seed, string, Right[]][] = [
  ['000', '000 第八条第一款第（四）项 陈述、申辩', ['statement', 'defence']],
  ['001', '001 第十四条、第十五条 陈述、申辩、听证', ['statement', 'defence', 'hearing']],
  ['002', '002 第十二条 陈述、申辩、申请回避、听证', ['statement', 'defence', 'recusal', 'hearing']],
  ['003', '003 第五条第（二）项 陈述、申辩、申请回避、申请听证', ['statement', 'defence', 'recusal', 'hearing']],
  ['004', '004 第十三条 陈述、申辩、申请回避、听证、申请复议、诉讼', ['statement', 'defence', 'recusal', 'hearing', 'review', 'lawsuit']],
];

describe('checkRightsTold: 告知当事人权利并记录告知方式 (行政处罚法 第四十四条)', () => {
  describe.each(RIGHTS_BY_SEED)('profile %s (%s)', (seed, _article, required) => {
    const profile = profileOf(seed);
    const told = (rights: Right[]) => ({ rights, method: '书面告知' });

    it('the profile requires exactly the rights the seed lists', () => {
      expect([...profile.investigation.rightsTold.rights].sort()).toEqual([...required].sort());
    });

    describe.each<WrittenKind>(['inquiry_transcript', 'statement_defence_record'])('%s', (kind) => {
      it('telling exactly the required rights passes', () => {
        expect(checkRightsTold(profile, record(kind, { rightsTold: told(required) }))).toEqual([]);
      });

      it('telling more rights than required passes', () => {
        expect(checkRightsTold(profile, record(kind, { rightsTold: told(ALL_RIGHTS) }))).toEqual([]);
      });

      it.each(required)('leaving out %s → RIGHTS_MISSING naming it in Chinese', (right) => {
        const errors = checkRightsTold(profile, record(kind, { rightsTold: told(required.filter((r) => r !== right)) }));
        expect(errors).toEqual([
          { field: 'rightsTold.rights', code: 'RIGHTS_MISSING', message: expect.stringContaining(RIGHT_WORD[right]) },
        ]);
        for (const other of required.filter((r) => r !== right)) expect(errors[0].message).not.toContain(RIGHT_WORD[other]);
      });

      it('telling nothing of the required rights → one RIGHTS_MISSING naming every one', () => {
        const errors = checkRightsTold(profile, record(kind, { rightsTold: told([]) }));
        expect(codes(errors)).toEqual(['RIGHTS_MISSING']);
        for (const right of required) expect(errors[0].message).toContain(RIGHT_WORD[right]);
      });

      it('no rightsTold at all → RIGHTS_NOT_TOLD on rightsTold, naming the required rights', () => {
        const errors = checkRightsTold(profile, record(kind, { rightsTold: undefined }));
        expect(errors).toEqual([{ field: 'rightsTold', code: 'RIGHTS_NOT_TOLD', message: expect.stringContaining('告知') }]);
        for (const right of required) expect(errors[0].message).toContain(RIGHT_WORD[right]);
      });
    });

    it.each<WrittenKind>(['appraisal_opinion', 'sampling_record', 'evidence_request_notice'])(
      '%s does not tell rights (000 第八条第（四）项: 权利告知书、陈述申辩笔录): no error without rightsTold',
      (kind) => {
        expect(checkRightsTold(profile, record(kind, { rightsTold: undefined }))).toEqual([]);
      },
    );
  });
});
