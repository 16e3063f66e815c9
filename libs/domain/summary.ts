import type { AgencyProfile, SUMMARY_RECORD_ITEMS } from '../profiles/schema';
import type { Party } from './case';
import type { RuleError } from './evidence';

export type SummaryItem = (typeof SUMMARY_RECORD_ITEMS)[number];

/** 000 第十四条, 004 第二十条: what a summary procedure must record. */
export const SUMMARY_ITEM_LABELS: Record<SummaryItem, string> = {
  conditions: '适用简易程序的事实依据、法律依据的具体条件',
  steps_and_documents: '实施简易程序的程序步骤及法定文书',
  statement_and_defence: '当事人陈述、申辩的记录',
  review_of_statement_and_defence: '对当事人陈述、申辩内容的复核及处理，是否采纳的理由',
  filing: '依法向所属行政机关备案的内容',
  on_the_spot_collection: '当场收缴罚款的实施过程',
  other: '其他依法记录的内容',
};

/**
 * Items the officer writes at the scene. The filing is written when it is filed (the unit head's
 * task), the collection only where money was collected, and "other" only where there is any.
 */
const AT_SCENE: readonly SummaryItem[] = ['conditions', 'steps_and_documents', 'statement_and_defence', 'review_of_statement_and_defence'];

/** Grounds to collect a fine on the spot (行政处罚法 68, 69). */
export const COLLECTION_GROUNDS = ['small_fine', 'hard_to_enforce', 'remote_area'] as const;
export type CollectionGround = (typeof COLLECTION_GROUNDS)[number];

export interface SummaryFacts {
  party: Pick<Party, 'kind'>;
  penalty: { kind: 'warning' | 'fine'; amountYuan?: number };
  items: Partial<Record<SummaryItem, string>>;
  disputed: boolean;
  hasAudiovisual: boolean;
  collection?: { amountYuan: number; ground: CollectionGround };
}

/**
 * Whether an on-the-spot decision is lawful as described (行政处罚法 51, 68, 69 and the profile):
 * the fine within the limit for this kind of party, the items the profile requires, audio-video
 * where the profile wants disputed cases recorded, and a collection only on a lawful ground.
 */
export function checkSummary(profile: AgencyProfile, f: SummaryFacts): RuleError[] {
  const rules = profile.decision.summaryProcedure;
  const errors: RuleError[] = [];
  const limit = f.party.kind === 'person' ? rules.eligibility.individualMaxFineYuan : rules.eligibility.organisationMaxFineYuan;
  // 行政处罚法 9: a warning (警告) is a penalty of its own and carries no amount; a fine names one.
  if (f.penalty.kind === 'warning' && f.penalty.amountYuan !== undefined) {
    errors.push({ field: 'penalty.amountYuan', code: 'SUMMARY_WARNING_AMOUNT', message: '警告不处罚款，不应填写罚款金额' });
  }
  if (f.penalty.kind === 'fine' && f.penalty.amountYuan === undefined) {
    errors.push({ field: 'penalty.amountYuan', code: 'SUMMARY_FINE_AMOUNT_MISSING', message: '罚款须写明金额' });
  }
  if (f.penalty.kind === 'fine' && (f.penalty.amountYuan ?? 0) > limit) {
    const who = f.party.kind === 'person' ? '公民' : '法人或者其他组织';
    errors.push({
      field: 'penalty.amountYuan',
      code: 'SUMMARY_FINE_OVER_LIMIT',
      message: `简易程序对${who}罚款不得超过${limit}元，应适用普通程序`,
    });
  }
  for (const item of rules.recordItems?.items.filter((i) => AT_SCENE.includes(i)) ?? []) {
    if (!f.items[item]?.trim())
      errors.push({ field: `items.${item}`, code: 'SUMMARY_ITEM_MISSING', message: `须记录${SUMMARY_ITEM_LABELS[item]}` });
  }
  const avRequired = profile.investigation.audiovisual.mandatory.some((m) => m.activity === 'disputed_summary_procedure');
  if (f.disputed && avRequired && !f.hasAudiovisual) {
    errors.push({ field: 'audiovisual', code: 'AV_REQUIRED', message: '容易引起行政争议的简易程序执法行为须进行音像记录' });
  }
  if (f.collection) {
    const itemRequired = !!rules.recordItems?.items.includes('on_the_spot_collection');
    errors.push(...checkCollection(f.penalty, f.collection, profile.execution.onTheSpotCollection.smallFineMaxYuan, itemRequired, f.items));
  }
  return errors;
}

function checkCollection(
  penalty: SummaryFacts['penalty'],
  c: NonNullable<SummaryFacts['collection']>,
  smallFineMax: number,
  itemRequired: boolean,
  items: SummaryFacts['items'],
): RuleError[] {
  if (penalty.kind !== 'fine') return [{ field: 'collection', code: 'COLLECTION_WITHOUT_FINE', message: '未处罚款，不能当场收缴' }];
  const errors: RuleError[] = [];
  if (c.amountYuan !== penalty.amountYuan)
    errors.push({ field: 'collection.amountYuan', code: 'COLLECTION_AMOUNT_MISMATCH', message: '当场收缴的金额须与罚款金额一致' });
  if (c.ground === 'small_fine' && penalty.amountYuan! > smallFineMax) {
    errors.push({
      field: 'collection.ground',
      code: 'COLLECTION_GROUND_INVALID',
      message: `罚款超过${smallFineMax}元，须不当场收缴事后难以执行或者属于边远、水上、交通不便地区方可当场收缴`,
    });
  }
  if (itemRequired && !items.on_the_spot_collection?.trim()) {
    errors.push({
      field: 'items.on_the_spot_collection',
      code: 'SUMMARY_ITEM_MISSING',
      message: `须记录${SUMMARY_ITEM_LABELS.on_the_spot_collection}`,
    });
  }
  return errors;
}
