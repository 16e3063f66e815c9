import type { Content, DocDefinition } from './pdf';
import type { Party } from '../domain/case';
import type { AmountOwed } from './demand-notice';
import { chineseDate, documentDefinition, fieldTable, paragraph, signatureBlock } from './layout';
import { partyNames, partyTable } from './parties';

/** What the 强制执行申请书 says, read from the record when the agency applies to the court (行政强制法 53–55). */
export interface CourtApplicationDocument {
  agencyName: string;
  caseNumber: string | null;
  /** The people's court applied to. */
  court: string;
  parties: Party[];
  /** The decision to enforce: its 文号, China date, penalties and the China date it was served, as far as recorded. */
  decision: { number: string | null; decidedOn: string | null; penalties: string | null; servedOn: string | null };
  /** The 催告书: its China date and the China date it was served (行政强制法 54). */
  demand: { datedOn: string | null; servedOn: string; content: string };
  /** The profile's period after the 催告书's service before the court may be asked, as written (十个工作日). */
  waited: string;
  /** How the remedies ended: none sought within their periods, or those sought concluded (53). */
  remedies: string;
  /** The fine and 加处罚款 counted to the day of the application; null when there is no money to pay. */
  owed: AmountOwed | null;
  /** The application's China date, and the officer who recorded it. */
  appliedOn: string;
  appliedBy: string;
  madeAt: string;
}

/**
 * The 强制执行申请书 to the people's court after 行政强制法 55: the applicant and the party, what is asked
 * (the decision's obligations and the sum), the facts and reasons (the decision and its service, no remedy
 * pending, the 催告书 served and the party's failure within the period of 54), the materials 55 第一款 lists,
 * and the place for the agency head's signature and the seal with the date (55 第二款).
 */
export function courtApplicationDocument(d: CourtApplicationDocument): DocDefinition {
  const dec = d.decision;
  const decisionName = `${dec.number ? `${dec.number}` : ''}行政处罚决定书`;
  const asked =
    `请求人民法院强制执行本机关作出的${decisionName}` +
    (dec.penalties ? `（${dec.penalties}）` : '') +
    (d.owed
      ? `，被申请人应缴纳罚款${d.owed.fine}元、加处罚款${d.owed.surcharge}元（计至${chineseDate(d.owed.on)}），合计${d.owed.total}元`
      : '') +
    '。';
  const facts =
    `本机关${dec.decidedOn ? `于${chineseDate(dec.decidedOn)}` : ''}作出${decisionName}` +
    `${dec.servedOn ? `，于${chineseDate(dec.servedOn)}送达被申请人` : '，已送达被申请人'}。${d.remedies}，又不履行该决定。` +
    `本机关${d.demand.datedOn ? `于${chineseDate(d.demand.datedOn)}作出催告书，` : ''}于${chineseDate(d.demand.servedOn)}送达被申请人，` +
    `催告其${d.demand.content.replace(/[。；]$/, '')}。催告书送达${d.waited}后，被申请人仍未履行义务。` +
    '根据《中华人民共和国行政强制法》第五十三条、第五十四条、第五十五条的规定，特申请强制执行。';
  const body: Content[] = [
    fieldTable([['申请人', d.agencyName]], 96),
    { text: '被申请人', style: 'label', margin: [0, 6, 0, 0] },
    partyTable(d.parties),
    { text: '申请事项', style: 'label', margin: [0, 6, 0, 0] },
    paragraph(asked),
    { text: '事实和理由', style: 'label', margin: [0, 6, 0, 0] },
    paragraph(facts),
    paragraph('此致'),
    { text: d.court, style: 'body' },
    { text: '附件（《中华人民共和国行政强制法》第五十五条第一款）：', style: 'body', margin: [0, 10, 0, 2] },
    ...[
      '1. 强制执行申请书；',
      `2. ${decisionName}及作出决定的事实、理由和依据；`,
      '3. 当事人的意见及本机关催告情况（催告书及其送达回证）；',
      '4. 申请强制执行标的情况；',
      '5. 法律、行政法规规定的其他材料。',
    ].map((t) => ({ text: t, style: 'body' }) as Content),
    signatureBlock(['行政机关负责人（签名）：＿＿＿＿＿＿', `${d.agencyName}（印章）`, chineseDate(d.appliedOn)]),
    { style: 'note', stack: [`承办人：${d.appliedBy}`, '本文书一式两份，一份提交人民法院，一份附卷。'] },
  ];
  return documentDefinition(
    {
      agencyName: d.agencyName,
      title: '强制执行申请书',
      number: d.caseNumber ? `案号：${d.caseNumber}` : null,
      madeAt: d.madeAt,
      subject: partyNames(d.parties),
    },
    body,
  );
}
