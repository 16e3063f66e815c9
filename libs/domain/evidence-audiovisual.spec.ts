import { Seed, SEEDS, profileOf, record } from '../../test/support/evidence';
import { WrittenRecordInput, activitiesOf, checkAudiovisual } from './evidence';

/*
 * Expectations below come from the seeds (/work/shared/seeds/000..004) and national law
 * (行政处罚法 第四十二条、第五十五条; 最高人民法院关于行政诉讼证据若干问题的规定 第十二条),
 * not from the code: a profile or rule that drifts from them makes a test fail.
 */

// ---------------------------------------------------------------------------------------------
// Mandatory audiovisual records of investigation activities
// ---------------------------------------------------------------------------------------------

type AvCase = 'inquiry_party' | 'inquiry_witness' | 'inspection' | 'preservation' | 'sampling' | 'hearing' | 'appraisal';
const AV_CASES: Record<AvCase, Pick<WrittenRecordInput, 'kind' | 'subject'>> = {
  inquiry_party: { kind: 'inquiry_transcript', subject: 'party' },
  inquiry_witness: { kind: 'inquiry_transcript', subject: 'witness' },
  inspection: { kind: 'on_site_inspection_transcript' },
  preservation: { kind: 'registered_preservation_list' },
  sampling: { kind: 'sampling_record' },
  hearing: { kind: 'hearing_record' },
  appraisal: { kind: 'appraisal_opinion' },
};

/** What the seed says about an audiovisual record of the activity. */
type AvExpect =
  | { need: 'mandatory'; activity: string; article: string } // defect when missing, no excuse
  | { need: 'unless_unsuitable'; article: string } // a reason must be given when missing
  | { need: 'not_required'; article: string };

const none = (article: string): AvExpect => ({ need: 'not_required', article });
const must = (activity: string, article: string): AvExpect => ({ need: 'mandatory', activity, article });
const unless = (article: string): AvExpect => ({ need: 'unless_unsuitable', article });

const AV_BY_SEED: Record<Seed, Record<AvCase, AvExpect>> = {
  // 000 lists only disputed summary procedure (第十四条), lodged (第十七条) and public-notice service (第十九条).
  '000': {
    inquiry_party: none('000 第八条第（一）项: 询问只须文字记录'),
    inquiry_witness: none('000 第八条第（一）项'),
    inspection: none('000 第八条第（三）项: 现场检查只须文字记录'),
    preservation: none('000 第九条: 音像只是证据保全的一种形式'),
    sampling: none('000 第八条'),
    hearing: none('000 第八条'),
    appraisal: none('000 第八条第（五）项'),
  },
  '001': {
    inquiry_party: must('inquiry_party', '001 第十一条: 询问当事人'),
    inquiry_witness: must('inquiry_witness', '001 第十一条: 询问证人'),
    inspection: must('inspection_person_place_goods', '001 第十一条: 检查当事人的人身、场所、物品'),
    preservation: must('registered_preservation', '001 第十一条: 先行登记保存'),
    sampling: must('sampling', '001 第十一条: 抽样取证'),
    hearing: none('001 第十五条: 听证必要时可以音像辅助记录'),
    appraisal: none('001 第九条第（七）项'),
  },
  '002': {
    inquiry_party: none('002 第十四条: 其他调查取证方式可根据执法需要'),
    inquiry_witness: none('002 第十四条'),
    inspection: unless('002 第十四条: 现场检查（勘验）'),
    preservation: none('002 第十四条'),
    sampling: unless('002 第十四条: 抽样调查'),
    hearing: unless('002 第十四条: 听证取证'),
    appraisal: none('002 第十四条'),
  },
  // 003 第七条第一款: the agency's own list (音像记录事项清单) was not published with the regulation.
  '003': {
    inquiry_party: none('003 第七条: 清单未公布'),
    inquiry_witness: none('003 第七条'),
    inspection: none('003 第七条'),
    preservation: none('003 第七条'),
    sampling: none('003 第七条'),
    hearing: none('003 第七条'),
    appraisal: none('003 第七条'),
  },
  '004': {
    inquiry_party: none('004 第十五条: 其他调查取证方式可根据执法需要'),
    inquiry_witness: none('004 第十五条'),
    inspection: unless('004 第十五条: 现场检查（勘验）, 书面记录原因'),
    preservation: none('004 第十五条; 第十七条只列查封、扣押'),
    sampling: unless('004 第十五条: 抽样调查, 书面记录原因'),
    hearing: unless('004 第十五条: 听证取证, 书面记录原因'),
    appraisal: none('004 第十五条'),
  },
};

describe('activitiesOf: the activity a written record documents (001 第九条、第十一条; 002 第十三条、第十四条; 004 第十四条、第十五条)', () => {
  it.each<[string, Pick<WrittenRecordInput, 'kind' | 'subject'>, string[]]>([
    ['询问当事人 (001 第十一条)', { kind: 'inquiry_transcript', subject: 'party' }, ['inquiry_party']],
    ['询问证人 (001 第十一条)', { kind: 'inquiry_transcript', subject: 'witness' }, ['inquiry_witness']],
    ['询问, subject not given, is of the party (001 第九条第（一）项)', { kind: 'inquiry_transcript' }, ['inquiry_party']],
    [
      '现场检查（勘验） (002 第十四条) = 检查人身、场所、物品 (001 第十一条)',
      { kind: 'on_site_inspection_transcript' },
      ['on_site_inspection', 'inspection_person_place_goods'],
    ],
    ['先行登记保存 (001 第十一条)', { kind: 'registered_preservation_list' }, ['registered_preservation']],
    ['抽样取证 (001 第十一条, 004 第十五条)', { kind: 'sampling_record' }, ['sampling']],
    ['听证 (002 第十四条, 004 第十五条)', { kind: 'hearing_record' }, ['hearing']],
    ['鉴定意见: no listed activity (001 第九条第（七）项)', { kind: 'appraisal_opinion' }, []],
    ['调取证据通知书: no listed activity (002 第十三条第（二）项)', { kind: 'evidence_request_notice' }, []],
    ['陈述申辩笔录: no listed activity (002 第十三条第（五）项)', { kind: 'statement_defence_record' }, []],
    ['其他文字记录: no listed activity (002 第十三条第（八）项)', { kind: 'other' }, []],
  ])('%s', (_name, r, expected) => {
    expect([...activitiesOf(r)].sort()).toEqual([...expected].sort());
  });
});

describe('checkAudiovisual: 应当同时进行音像记录的调查取证活动 (001 第十一条; 002 第十四条; 004 第十五条)', () => {
  describe.each(SEEDS)('profile %s', (seed) => {
    const profile = profileOf(seed);
    const cases = Object.entries(AV_BY_SEED[seed]) as [AvCase, AvExpect][];
    const av = (c: AvCase, over: Partial<WrittenRecordInput> = {}) =>
      checkAudiovisual(profile, record(AV_CASES[c].kind, { subject: AV_CASES[c].subject, ...over }));

    const mandatory = cases.filter(([, e]) => e.need === 'mandatory') as [AvCase, Extract<AvExpect, { need: 'mandatory' }>][];
    const unlessCases = cases.filter(([, e]) => e.need === 'unless_unsuitable');
    const notRequired = cases.filter(([, e]) => e.need === 'not_required');

    if (mandatory.length) {
      describe.each(mandatory.map(([c, e]) => [c, e.article, e.activity] as const))(
        '%s must be recorded (%s), no "unless unsuitable"',
        (c, _article, activity) => {
          it('without AV → verdict defect naming the activity, no error', () => {
            expect(av(c)).toEqual({ errors: [], verdict: { status: 'defect', activity } });
          });

          it('a written omission reason does not excuse it → still defect', () => {
            expect(av(c, { avOmissionReason: '现场光线不足' })).toEqual({ errors: [], verdict: { status: 'defect', activity } });
          });

          it('with avRecordIds → recorded', () => {
            expect(av(c, { avRecordIds: ['av-1'] })).toEqual({ errors: [], verdict: { status: 'recorded' } });
          });
        },
      );
    }

    if (unlessCases.length) {
      describe.each(unlessCases.map(([c, e]) => [c, e.article] as const))('%s must be recorded unless unsuitable (%s)', (c) => {
        it('without AV and without a reason → AV_REASON_REQUIRED on avOmissionReason', () => {
          for (const avOmissionReason of [undefined, '', '  ']) {
            expect(av(c, { avOmissionReason }).errors).toEqual([
              { field: 'avOmissionReason', code: 'AV_REASON_REQUIRED', message: expect.stringMatching(/音像记录.*原因/) },
            ]);
          }
        });

        it('without AV but with a reason → omitted_with_reason, no error', () => {
          expect(av(c, { avOmissionReason: '涉及个人隐私，不适宜音像记录' })).toEqual({
            errors: [],
            verdict: { status: 'omitted_with_reason' },
          });
        });

        it('with avRecordIds → recorded', () => {
          expect(av(c, { avRecordIds: ['av-1'] })).toEqual({ errors: [], verdict: { status: 'recorded' } });
        });
      });
    }

    it.each(notRequired.map(([c, e]) => [c, e.article] as const))('%s is not on the mandatory list (%s) → not_required', (c) => {
      expect(av(c)).toEqual({ errors: [], verdict: { status: 'not_required' } });
    });
  });
});
