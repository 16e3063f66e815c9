import type { Content, DocDefinition } from './pdf';
import type { Party } from '../domain/case';
import { SUMMARY_ITEM_LABELS, type SummaryItem } from '../domain/summary';
import type { Period } from '../calendar/period-types';
import { checkBoxes, chinesePeriod, chineseTime, documentDefinition, fieldTable, paragraph, signatureBlock } from './layout';
import { partyNames, partyTable } from './parties';

/** What the 当场行政处罚决定书 says (行政处罚法 52): read from the on-the-spot decision's entry and the case's form. */
export interface OnTheSpotDecisionDocument {
  agencyName: string;
  /** 文号: typed by the officer or assigned as the case was written. */
  number: string | null;
  parties: Party[];
  facts: string;
  legalBasis: string;
  /** The penalty as described (警告, 罚款200元). */
  penalty: string;
  /** Whether the penalty includes a fine (how to pay is told only then). */
  fined: boolean;
  decidedAt: string;
  place: string;
  /** The items the profile has written at the scene (conditions, statement and defence…). */
  items: Partial<Record<SummaryItem, string>>;
  /** 当场收缴 (行政处罚法 68, 69): the amount and the receipt's number; null when paid later. */
  collection: { amountYuan: number; receiptNumber: string } | null;
  officer: { name: string; certificateNo: string | null };
  /** From the pinned profile: the payment and remedy periods. */
  terms: { payment: Period; review: Period; lawsuit: Period };
  madeAt: string;
}

/**
 * The 当场行政处罚决定书 after the 文书格式范本 (行政处罚法 52: 当事人的违法行为, 处罚种类和依据, 罚款数额,
 * 时间, 地点, 申请行政复议、提起行政诉讼的途径和期限, 行政机关名称, 执法人员签名或者盖章): how the fine is
 * paid ticked (□/■), the items the profile requires written at the scene, the party's signature by hand.
 */
export function onTheSpotDecisionDocument(d: OnTheSpotDecisionDocument): DocDefinition {
  const items = (Object.keys(SUMMARY_ITEM_LABELS) as SummaryItem[]).filter((k) => d.items[k]);
  const paid = d.collection ? '当场缴纳' : '到指定银行或者通过电子支付系统缴纳';
  const rows: [string, Content][] = [
    ['违法事实', d.facts],
    ['处罚依据', d.legalBasis],
    ['处罚内容', d.penalty],
    ...(d.fined
      ? ([
          ['罚款缴纳方式', checkBoxes(['当场缴纳', '到指定银行或者通过电子支付系统缴纳'], paid)],
          ...(d.collection ? [['当场收缴', `${d.collection.amountYuan}元，罚款收据编号：${d.collection.receiptNumber}`]] : []),
        ] as [string, Content][])
      : []),
    ['处罚时间', chineseTime(d.decidedAt)],
    ['处罚地点', d.place],
    ...items.map((k) => [SUMMARY_ITEM_LABELS[k], d.items[k]!] as [string, Content]),
  ];
  const body: Content[] = [
    partyTable(d.parties),
    fieldTable(rows, 110),
    ...(d.fined && !d.collection
      ? [
          paragraph(
            `当事人应当自收到本决定书之日起${chinesePeriod(d.terms.payment)}内缴纳罚款（《中华人民共和国行政处罚法》第六十七条）。` +
              '到期不缴纳罚款的，本机关可以依法加处罚款（第七十二条）。',
          ),
        ]
      : []),
    paragraph(
      `当事人如不服本决定，可以自收到本决定书之日起${chinesePeriod(d.terms.review)}内依法申请行政复议，` +
        `或者在${chinesePeriod(d.terms.lawsuit)}内依法向人民法院提起行政诉讼。`,
    ),
    signatureBlock([
      `执法人员：${d.officer.name}${d.officer.certificateNo ? `（执法证件号：${d.officer.certificateNo}）` : ''}`,
      `${d.agencyName}（印章）`,
      chineseTime(d.decidedAt),
    ]),
    paragraph('当事人签名：                    年    月    日'),
    { style: 'note', text: '本决定书当场交付当事人，并报所属行政机关备案（《中华人民共和国行政处罚法》第五十二条）。' },
  ];
  return documentDefinition(
    { agencyName: d.agencyName, title: '当场行政处罚决定书', number: d.number, madeAt: d.madeAt, subject: partyNames(d.parties) },
    body,
  );
}
