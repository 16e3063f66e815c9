import type { Content, DocDefinition } from './pdf';
import type { Party } from '../domain/case';
import { chineseDate, chineseTime, documentDefinition, fieldTable, paragraph, signatureBlock } from './layout';
import { partyNames } from './parties';

/** The money owed, in yuan as printed, on the day the 催告书 was served. */
export interface AmountOwed {
  fine: string;
  surcharge: string;
  total: string;
  /** The China date the surcharge is counted to. */
  on: string;
  dailyRatePercent: number;
}

/** What the 催告书 says, read from the record when it is served (行政强制法 35). */
export interface DemandNoticeDocument {
  agencyName: string;
  caseNumber: string | null;
  parties: Party[];
  /** The decision not performed: its 文号, China date and penalties, as far as the record has them. */
  decision: { number: string | null; decidedOn: string | null; penalties: string | null };
  /** The last China day to pay the fine; null when the decision imposes none. */
  lastDayToPay: string | null;
  /** The fine and 加处罚款 (行政处罚法 72); null when there is no money to pay. */
  owed: AmountOwed | null;
  /** The officer's demand as drafted and approved: what to do and by when (35(一)(二)). */
  demand: string;
  /** What follows if the party still does not perform, from the profile (行政强制法 37, 53). */
  then: string;
  approval: { name: string; at: string } | null;
  /** The 催告书's date: the chief's approval (a China date). */
  datedOn: string;
  draftedBy: string;
  madeAt: string;
}

/**
 * The 催告书 after the national 文书格式范本: the decision not performed, the obligation and its deadline,
 * the amount and how to pay (行政强制法 35(一)–(三)), the right to state and defend (35(四), 36), and what
 * follows if the party still does not perform.
 */
export function demandNoticeDocument(d: DemandNoticeDocument): DocDefinition {
  const { decision: dec, owed } = d;
  const decided =
    `本机关${dec.decidedOn ? `于${chineseDate(dec.decidedOn)}` : ''}作出${dec.number ? `${dec.number}` : ''}行政处罚决定书` +
    (dec.penalties ? `，对你（单位）作出如下行政处罚：${dec.penalties}` : '') +
    (d.lastDayToPay ? `。你（单位）应当于${chineseDate(d.lastDayToPay)}前缴纳罚款，` : '。你（单位）') +
    '至今未履行该决定确定的义务。';
  const rows: [string, Content][] = [
    ['履行期限和方式', d.demand],
    ...(owed
      ? ([
          ['罚款', `${owed.fine}元`],
          [
            '加处罚款',
            `${owed.surcharge}元（自缴纳期限届满次日起至${chineseDate(owed.on)}，每日按罚款数额的${owed.dailyRatePercent}%计算，不超出罚款数额）`,
          ],
          ['合计应缴', `${owed.total}元`],
          ['给付方式', '到本机关指定的银行或者通过电子支付系统缴纳（《中华人民共和国行政处罚法》第六十七条第三款）'],
        ] as [string, Content][])
      : []),
  ];
  const body: Content[] = [
    { text: d.parties.length ? `${partyNames(d.parties)}：` : '当事人：', style: 'body', margin: [0, 8, 0, 2] },
    paragraph(decided),
    paragraph('根据《中华人民共和国行政强制法》第三十五条、第五十四条的规定，现催告你（单位）履行下列义务：'),
    fieldTable(rows, 96),
    paragraph(
      '你（单位）收到本催告书后有权进行陈述和申辩。本机关将充分听取你（单位）的意见，对提出的事实、理由和证据进行记录、复核' +
        '（《中华人民共和国行政强制法》第三十五条第四项、第三十六条）。',
    ),
    paragraph(`逾期仍不履行的，本机关将依法${d.then}。`),
    signatureBlock([`${d.agencyName}（印章）`, chineseDate(d.datedOn)]),
    {
      style: 'note',
      stack: [
        `案号：${d.caseNumber ?? '（未编号）'}`,
        `负责人批准：${d.approval ? `${d.approval.name}，${chineseTime(d.approval.at)}` : '（无）'}`,
        `承办人：${d.draftedBy}；${chineseTime(d.madeAt)}记录送达`,
        '本文书一式两份，一份送达当事人，一份附卷。',
      ],
    },
  ];
  return documentDefinition(
    {
      agencyName: d.agencyName,
      title: '催告书',
      number: dec.number ? `${dec.number}（催告）` : d.caseNumber ? `案号：${d.caseNumber}` : null,
      madeAt: d.madeAt,
      subject: partyNames(d.parties),
    },
    body,
  );
}
