import { Seed, profileOf, codes } from '../../test/support/evidence';
import { AvMetadataField, AvRecordInput, checkAvMetadata } from './evidence';

/*
 * Expectations below come from the seeds (/work/shared/seeds/000..004) and national law
 * (行政处罚法 第四十二条、第五十五条; 最高人民法院关于行政诉讼证据若干问题的规定 第十二条),
 * not from the code: a profile or rule that drifts from them makes a test fail.
 */

// ---------------------------------------------------------------------------------------------
// What an audiovisual record must carry (metadata)
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
        expect(
          checkAvMetadata(
            profile,
            avRecord(
              EVERY_CONDITION.filter((w) => w !== when),
              metadata,
            ),
          ),
        ).toEqual([]);
      });
    }

    it('all conditions off → only the always fields are required', () => {
      const always = table.filter(([, w]) => w === 'always').map(([f]) => f);
      const errors = checkAvMetadata(profile, { ...avRecord([], {}), method: 'photo' });
      expect(errors.map((e) => e.field).sort()).toEqual(always.map((f) => `metadata.${f}`).sort());
    });
  });
});
