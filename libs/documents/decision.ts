import type { Content, DocDefinition } from './pdf';
import type { Party } from '../domain/case';
import type { DraftDecision } from '../domain/draft';
import { describePenalties } from '../domain/review';
import type { Period } from '../calendar/period-types';
import { chineseDate, chineseNumber, chinesePeriod, chineseTime, documentDefinition, paragraph, signatureBlock } from './layout';
import { BLANK_DATE, NOT_ISSUED } from './preview';
import { partyNames, partyTable } from './parties';

/** What the 行政处罚决定书 says, read from the record (行政处罚法 59). */
export interface DecisionDocument {
  agencyName: string;
  /** 文号, assigned when the decision was issued. */
  number: string;
  caseNumber: string | null;
  parties: Party[];
  /** The approved draft: facts, legal basis, penalties, the discretion benchmark where the profile wants it. */
  draft: Pick<DraftDecision, 'facts' | 'legalBasis' | 'penalties' | 'discretion'>;
  /** The evidence the facts rest on, each as the record names it (title and kind). */
  evidence: string[];
  /** The decision's date (a China date); null in a preview before it is issued (left blank). */
  decidedOn: string | null;
  /** The chief's approval: who, the signature given and when it was signed (else approved). */
  approval: { name: string; signature: string | null; at: string } | null;
  /** The officer who issued it; null in a preview before it is issued. */
  issuedBy: string | null;
  /** The decision_issued entry's time. */
  madeAt: string;
  /** The pinned profile's figures the document tells the party: payment, surcharge and remedy periods. */
  terms: DecisionTerms;
}

/** From the pinned profile (execution), never written into the template: an agency's figures are data. */
export interface DecisionTerms {
  payment: Period;
  dailyRatePercent: number;
  cappedAtFine: boolean;
  review: Period;
  lawsuit: Period;
}

/**
 * The 行政处罚决定书 after the national 文书格式范本: the party, the facts and their evidence, the legal
 * basis and the penalty, how and when to pay (67, 72), the remedies (行政复议法 20, 行政诉讼法 46), every period
 * and rate from the pinned profile, the agency's seal and date, and who approved it.
 */
export function decisionDocument(d: DecisionDocument): DocDefinition {
  const fine = d.draft.penalties.find((p) => p.kind === 'fine');
  const body: Content[] = [
    partyTable(d.parties),
    paragraph(`经查，${d.draft.facts}`),
    paragraph('以上事实有下列证据证明：'),
    ...(d.evidence.length ? d.evidence : ['（无）']).map((e, i) => paragraph(`${i + 1}. ${e}`)),
    paragraph(
      `本机关认为，当事人的上述行为违反了${d.draft.legalBasis}的规定。依据${d.draft.legalBasis}，` +
        (d.draft.discretion ? `适用《${d.draft.discretion.benchmark}》（${d.draft.discretion.application}），` : '') +
        `本机关决定对当事人作出如下行政处罚：${describePenalties(d.draft.penalties)}。`,
    ),
    ...(fine
      ? [
          paragraph(
            `当事人应当自收到本决定书之日起${chinesePeriod(d.terms.payment)}内缴纳罚款（《中华人民共和国行政处罚法》第六十七条）。` +
              `到期不缴纳罚款的，本机关可以每日按罚款数额的百分之${chineseNumber(d.terms.dailyRatePercent)}加处罚款` +
              `${d.terms.cappedAtFine ? '，加处罚款的数额不超出罚款的数额' : ''}（第七十二条）。`,
          ),
        ]
      : []),
    paragraph(
      `当事人如不服本决定，可以自收到本决定书之日起${chinesePeriod(d.terms.review)}内依法申请行政复议，` +
        `或者在${chinesePeriod(d.terms.lawsuit)}内依法向人民法院提起行政诉讼。` +
        '行政复议或者行政诉讼期间，本决定不停止执行，法律另有规定的除外。',
    ),
    signatureBlock([`${d.agencyName}（印章）`, d.decidedOn ? chineseDate(d.decidedOn) : BLANK_DATE]),
    {
      style: 'note',
      stack: [
        `案号：${d.caseNumber ?? '（未编号）'}`,
        `负责人批准：${d.approval ? `${d.approval.name}${d.approval.signature ? `（签名：${d.approval.signature}）` : ''}，${chineseTime(d.approval.at)}` : '（无）'}`,
        d.issuedBy === null ? NOT_ISSUED : `承办人：${d.issuedBy}，${chineseTime(d.madeAt)}录入`,
        '本文书一式两份，一份送达当事人，一份附卷。',
      ],
    },
  ];
  return documentDefinition(
    { agencyName: d.agencyName, title: '行政处罚决定书', number: d.number, madeAt: d.madeAt, subject: partyNames(d.parties) },
    body,
  );
}
