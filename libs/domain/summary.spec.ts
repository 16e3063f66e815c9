import { PROFILES } from '../profiles';
import { SummaryFacts, checkSummary } from './summary';

// 行政处罚法 51 (limits), 68–69 (collection on the spot), 000 第十四条 / 004 第二十条 (items, AV).
const profile = (id: string) => PROFILES.find((p) => p.id === id)!;
const xlt = profile('xinglongtai-civil-affairs');
const hy = profile('huayin-housing');
const items = {
  conditions: '违法事实确凿，有法定依据',
  steps_and_documents: '出示证件，填写预定格式的决定书并当场交付',
  statement_and_defence: '当事人称不知情',
  review_of_statement_and_defence: '不予采纳：已告知',
};
const facts = (o: Partial<SummaryFacts> = {}): SummaryFacts => ({
  party: { kind: 'person' },
  penalty: { kind: 'fine', amountYuan: 200 },
  items,
  disputed: false,
  hasAudiovisual: false,
  ...o,
});
const codes = (p: typeof xlt, f: SummaryFacts) => checkSummary(p, f).map((e) => `${e.field}:${e.code}`);

it('takes 200 yuan from a person and 3,000 from an organisation, not a yuan more', () => {
  expect(codes(xlt, facts())).toEqual([]);
  expect(codes(xlt, facts({ penalty: { kind: 'fine', amountYuan: 201 } }))).toEqual(['penalty.amountYuan:SUMMARY_FINE_OVER_LIMIT']);
  expect(codes(xlt, facts({ party: { kind: 'organisation' }, penalty: { kind: 'fine', amountYuan: 3000 } }))).toEqual([]);
  expect(checkSummary(xlt, facts({ party: { kind: 'organisation' }, penalty: { kind: 'fine', amountYuan: 3001 } }))[0].message).toBe(
    '简易程序对法人或者其他组织罚款不得超过3000元，应适用普通程序',
  );
  expect(codes(xlt, facts({ penalty: { kind: 'warning' } }))).toEqual([]);
  expect(codes(xlt, facts({ penalty: { kind: 'warning', amountYuan: 3000 } }))).toEqual(['penalty.amountYuan:SUMMARY_WARNING_AMOUNT']);
  expect(codes(xlt, facts({ penalty: { kind: 'fine' } }))).toEqual(['penalty.amountYuan:SUMMARY_FINE_AMOUNT_MISSING']);
});

it('asks for the items of 000 第十四条 at the scene; 002 names none of its own', () => {
  expect(codes(xlt, facts({ items: { conditions: '条件' } }))).toEqual([
    'items.steps_and_documents:SUMMARY_ITEM_MISSING',
    'items.statement_and_defence:SUMMARY_ITEM_MISSING',
    'items.review_of_statement_and_defence:SUMMARY_ITEM_MISSING',
  ]);
  expect(codes(hy, facts({ items: {} }))).toEqual([]);
});

it('a disputed summary procedure needs audio-video where the profile says so (000 第十四条第二款)', () => {
  expect(codes(xlt, facts({ disputed: true }))).toEqual(['audiovisual:AV_REQUIRED']);
  expect(codes(xlt, facts({ disputed: true, hasAudiovisual: true }))).toEqual([]);
  expect(codes(hy, facts({ disputed: true }))).toEqual([]);
});

it('collects on the spot up to 100 yuan, or above it only where enforcing later would be hard (68, 69)', () => {
  const collected = { ...items, on_the_spot_collection: '当场收缴，出具财政部门统一制发的专用票据' };
  expect(
    codes(
      xlt,
      facts({ penalty: { kind: 'fine', amountYuan: 100 }, items: collected, collection: { amountYuan: 100, ground: 'small_fine' } }),
    ),
  ).toEqual([]);
  expect(codes(xlt, facts({ items: collected, collection: { amountYuan: 200, ground: 'small_fine' } }))).toEqual([
    'collection.ground:COLLECTION_GROUND_INVALID',
  ]);
  expect(codes(xlt, facts({ items: collected, collection: { amountYuan: 200, ground: 'hard_to_enforce' } }))).toEqual([]);
  expect(codes(xlt, facts({ collection: { amountYuan: 150, ground: 'remote_area' } }))).toEqual([
    'collection.amountYuan:COLLECTION_AMOUNT_MISMATCH',
    'items.on_the_spot_collection:SUMMARY_ITEM_MISSING',
  ]);
  expect(codes(xlt, facts({ penalty: { kind: 'warning' }, collection: { amountYuan: 50, ground: 'small_fine' } }))).toEqual([
    'collection:COLLECTION_WITHOUT_FINE',
  ]);
});
