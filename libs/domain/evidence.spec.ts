import { AgencyProfile, findProfile } from '../profiles';
import {
  AvMetadataField,
  AvRecordInput,
  OfficerPresent,
  Right,
  WrittenKind,
  WrittenRecordInput,
  activitiesOf,
  checkAudiovisual,
  checkAvMetadata,
  checkOfficers,
  checkRightsTold,
} from './evidence';

/*
 * Expectations below come from the seeds (/work/shared/seeds/000..004) and national law
 * (行政处罚法 第四十二条、第五十五条; 最高人民法院关于行政诉讼证据若干问题的规定 第十二条),
 * not from the code: a profile or rule that drifts from them makes a test fail.
 */

// ---------------------------------------------------------------------------------------------
// Profiles and input builders
// ---------------------------------------------------------------------------------------------

type Seed = '000' | '001' | '002' | '003' | '004';
const AGENCY: Record<Seed, string> = {
  '000': 'xinglongtai-civil-affairs',
  '001': 'xinxiang-town',
  '002': 'huayin-housing',
  '003': 'pingluo-veterans',
  '004': 'jinpu-ocean',
};
const SEEDS = Object.keys(AGENCY) as Seed[];

function profileOf(seed: Seed): AgencyProfile {
  const p = findProfile(AGENCY[seed]);
  if (!p) throw new Error(`no profile for seed ${seed} (${AGENCY[seed]})`);
  return p;
}

function officer(n: number, over: Partial<OfficerPresent> = {}): OfficerPresent {
  return { userId: `u-${n}`, certificateNo: `执法证-${String(n).padStart(4, '0')}`, shown: '当场出示执法证件', ...over };
}

const ALL_RIGHTS: Right[] = ['statement', 'defence', 'recusal', 'hearing', 'review', 'lawsuit'];

/** A record that passes every rule: two officers who showed their certificates, all rights told. */
function record(kind: WrittenKind, over: Partial<WrittenRecordInput> = {}): WrittenRecordInput {
  return {
    kind,
    officers: [officer(1), officer(2)],
    rightsTold: { rights: [...ALL_RIGHTS], method: '口头告知并记入笔录' },
    avRecordIds: [],
    ...over,
  };
}

function codes(errors: { code: string }[]): string[] {
  return errors.map((e) => e.code);
}

// ---------------------------------------------------------------------------------------------
// 1. Two officers with certificates shown (行政处罚法 第四十二条第一款、第五十五条第一款)
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
        const errors = checkOfficers(profile, record(kind, { officers: [officer(1), officer(2, { certificateNo: officer(1).certificateNo })] }));
        expect(errors).toEqual([{ field: 'officers[1].certificateNo', code: 'CERTIFICATE_DUPLICATE', message: expect.stringMatching(/证件/) }]);
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
// 2. Rights told, and the telling recorded
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
        expect(errors).toEqual([{ field: 'rightsTold.rights', code: 'RIGHTS_MISSING', message: expect.stringContaining(RIGHT_WORD[right]) }]);
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

// ---------------------------------------------------------------------------------------------
// 3. Mandatory audiovisual records of investigation activities
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
    ['现场检查（勘验） (002 第十四条) = 检查人身、场所、物品 (001 第十一条)', { kind: 'on_site_inspection_transcript' }, ['on_site_inspection', 'inspection_person_place_goods']],
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
    const av = (c: AvCase, over: Partial<WrittenRecordInput> = {}) => checkAudiovisual(profile, record(AV_CASES[c].kind, { subject: AV_CASES[c].subject, ...over }));

    const mandatory = cases.filter(([, e]) => e.need === 'mandatory') as [AvCase, Extract<AvExpect, { need: 'mandatory' }>][];
    const unlessCases = cases.filter(([, e]) => e.need === 'unless_unsuitable');
    const notRequired = cases.filter(([, e]) => e.need === 'not_required');

    if (mandatory.length) {
      describe.each(mandatory.map(([c, e]) => [c, e.article, e.activity] as const))('%s must be recorded (%s), no "unless unsuitable"', (c, _article, activity) => {
        it('without AV → verdict defect naming the activity, no error', () => {
          expect(av(c)).toEqual({ errors: [], verdict: { status: 'defect', activity } });
        });

        it('a written omission reason does not excuse it → still defect', () => {
          expect(av(c, { avOmissionReason: '现场光线不足' })).toEqual({ errors: [], verdict: { status: 'defect', activity } });
        });

        it('with avRecordIds → recorded', () => {
          expect(av(c, { avRecordIds: ['av-1'] })).toEqual({ errors: [], verdict: { status: 'recorded' } });
        });
      });
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
          expect(av(c, { avOmissionReason: '涉及个人隐私，不适宜音像记录' })).toEqual({ errors: [], verdict: { status: 'omitted_with_reason' } });
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

// ---------------------------------------------------------------------------------------------
// 4. What an audiovisual record must carry (metadata)
// ---------------------------------------------------------------------------------------------

type When = 'always' | 'used_as_evidence' | 'audio' | 'at_sea' | 'interrupted';

/** A word of the seed's own wording that the message for each field must contain. */
const FIELD_WORD: Record<AvMetadataField, string> = {
  production_method: '制作方法',
  produced_at: '制作时间',
  producer: '制作人',
  fact_proven: '证明对象',
  audio_transcript: '文字记录',
  spoken_opening_statement: '语音说明',
  interruption_reason: '中断',
  extractor: '提取人',
  extracted_at: '提取时间',
  place_marker: '标志',
  sea_coordinates: '经纬度',
  ship_name_number: '船名船号',
};
const ALL_FIELDS = Object.keys(FIELD_WORD) as AvMetadataField[];

const NATIONAL_DEFAULT: [AvMetadataField, When][] = [
  // 最高人民法院关于行政诉讼证据若干问题的规定 第十二条 (the profile adds: transcript for every audio record)
  ['production_method', 'used_as_evidence'],
  ['produced_at', 'used_as_evidence'],
  ['producer', 'used_as_evidence'],
  ['fact_proven', 'used_as_evidence'],
  ['audio_transcript', 'audio'],
];

const METADATA_BY_SEED: [Seed, string, [AvMetadataField, When][]][] = [
  ['000', '000 未规定, 适用行政诉讼证据规定 第十二条', NATIONAL_DEFAULT],
  [
    '001',
    '001 第二十七条: 制作方法、制作时间、制作人、证明对象; 声音资料附文字记录',
    [
      ['production_method', 'always'],
      ['produced_at', 'always'],
      ['producer', 'always'],
      ['fact_proven', 'always'],
      ['audio_transcript', 'audio'],
    ],
  ],
  ['002', '002 未规定, 适用行政诉讼证据规定 第十二条', NATIONAL_DEFAULT],
  [
    '003',
    '003 第七条第一款 拟作为证据的附记四项; 第八条 开始时语音说明、中断原因语音说明',
    [
      ['production_method', 'used_as_evidence'],
      ['produced_at', 'used_as_evidence'],
      ['producer', 'used_as_evidence'],
      ['fact_proven', 'used_as_evidence'],
      ['spoken_opening_statement', 'always'],
      ['interruption_reason', 'interrupted'],
    ],
  ],
  [
    '004',
    '004 第二十七条第（三）项 场所标志、海上经纬度与船名船号; 第二十九条 作为证据的制作人、提取人、提取时间',
    [
      ['place_marker', 'always'],
      ['sea_coordinates', 'at_sea'],
      ['ship_name_number', 'at_sea'],
      ['producer', 'used_as_evidence'],
      ['extractor', 'used_as_evidence'],
      ['extracted_at', 'used_as_evidence'],
    ],
  ],
];

/** An audiovisual record for which the given conditions hold (audio → an audio recording, else video). */
function avRecord(on: When[], metadata: AvRecordInput['metadata']): AvRecordInput {
  return {
    method: on.includes('audio') ? 'audio' : 'video',
    usedAsEvidence: on.includes('used_as_evidence'),
    atSea: on.includes('at_sea'),
    interrupted: on.includes('interrupted'),
    metadata,
  };
}
const EVERY_CONDITION: When[] = ['always', 'used_as_evidence', 'audio', 'at_sea', 'interrupted'];

function filled(fields: AvMetadataField[]): AvRecordInput['metadata'] {
  return Object.fromEntries(fields.map((f) => [f, `${FIELD_WORD[f]}：已记录`]));
}

describe('checkAvMetadata: 音像记录应当载明的事项 (001 第二十七条; 003 第七、八条; 004 第二十七、二十九条)', () => {
  describe.each(METADATA_BY_SEED)('profile %s (%s)', (seed, _article, table) => {
    const profile = profileOf(seed);
    const fields = table.map(([f]) => f);
    const sortPairs = (pairs: [string, string][]) => pairs.map(([f, w]) => `${f}@${w}`).sort();

    it('the profile configures exactly the fields and conditions the seed gives', () => {
      const configured = profile.investigation.audiovisual.metadata.map((m): [string, string] => [m.field, m.when]);
      expect(sortPairs(configured)).toEqual(sortPairs(table));
    });

    it('complete metadata passes, every condition on', () => {
      expect(checkAvMetadata(profile, avRecord(EVERY_CONDITION, filled(ALL_FIELDS)))).toEqual([]);
      expect(checkAvMetadata(profile, avRecord(EVERY_CONDITION, filled(fields)))).toEqual([]);
    });

    it('empty metadata, every condition on → exactly the configured fields are missing', () => {
      const errors = checkAvMetadata(profile, avRecord(EVERY_CONDITION, {}));
      expect(errors.map((e) => e.field).sort()).toEqual(fields.map((f) => `metadata.${f}`).sort());
      expect(new Set(codes(errors))).toEqual(new Set(['AV_METADATA_MISSING']));
    });

    it.each(table)('missing %s (when %s) → AV_METADATA_MISSING on metadata.<field>, Chinese message', (field, when) => {
      for (const blank of [undefined, '', '  ']) {
        const metadata = { ...filled(ALL_FIELDS), [field]: blank };
        expect(checkAvMetadata(profile, avRecord(['always', when], metadata))).toEqual([
          { field: `metadata.${field}`, code: 'AV_METADATA_MISSING', message: expect.stringContaining(FIELD_WORD[field]) },
        ]);
      }
    });

    const conditional = [...new Set(table.map(([, w]) => w).filter((w) => w !== 'always'))];
    if (conditional.length) {
      it.each(conditional)('condition %s off → its fields are not required', (when) => {
        const off = table.filter(([, w]) => w === when).map(([f]) => f);
        const metadata = filled(ALL_FIELDS.filter((f) => !off.includes(f)));
        expect(checkAvMetadata(profile, avRecord(EVERY_CONDITION.filter((w) => w !== when), metadata))).toEqual([]);
      });
    }

    it('all conditions off → only the always fields are required', () => {
      const always = table.filter(([, w]) => w === 'always').map(([f]) => f);
      const errors = checkAvMetadata(profile, { ...avRecord([], {}), method: 'photo' });
      expect(errors.map((e) => e.field).sort()).toEqual(always.map((f) => `metadata.${f}`).sort());
    });
  });
});
