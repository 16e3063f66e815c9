import type { Content, DocDefinition } from './pdf';
import type { Party } from '../domain/case';
import type { DraftDecision } from '../domain/draft';
import { describePenalties } from '../domain/review';
import { chineseDate, chineseTime, documentDefinition, paragraph, signatureBlock } from './layout';
import { partyNames } from './parties';
import { BLANK_DATE, NOT_ISSUED } from './preview';

/** What the 行政处罚事先告知书 says, read from the record when it is served (行政处罚法 44, 45, 63, 64). */
export interface PreDecisionNoticeDocument {
  agencyName: string;
  /** The notice's 文号 where it was typed (served through the service workflow), else none. */
  number: string | null;
  caseNumber: string | null;
  parties: Party[];
  /** The officer's draft as it stood when the notice was served; null when none was drafted yet. */
  draft: Pick<DraftDecision, 'facts' | 'legalBasis' | 'penalties' | 'discretion'> | null;
  /** 基本案情 of the filed case: the facts told where no draft states them. */
  caseFacts: string;
  evidence: string[];
  /** The profile's statement window (e.g. 三个工作日), as the notice tells it. */
  statementPeriod: string;
  /** The profile's hearing-request window where the party may ask for a hearing (行政处罚法 63, 64), else null. */
  hearingPeriod: string | null;
  /** The notice's date (a China date); null in a preview before it is issued (left blank). */
  datedOn: string | null;
  /** The officer who recorded it served, and the entry's time; null in a preview before it is served. */
  by: string | null;
  madeAt: string;
}

/**
 * The 行政处罚事先告知书 after the national 文书格式范本: addressed to the party, the facts, the reasons and
 * the legal basis of the penalty intended (44), the right to state and defend within the profile's period
 * (45), the right to ask for a hearing within its period where 63 opens one (64(一)), and that stating
 * one's case never makes the penalty heavier (45 第二款).
 */
export function preDecisionNoticeDocument(d: PreDecisionNoticeDocument): DocDefinition {
  const you = d.parties.length ? `${partyNames(d.parties)}：` : '当事人：';
  const intended: Content[] = d.draft
    ? [
        paragraph(`经查，${d.draft.facts}`),
        paragraph('以上事实有下列证据证明：'),
        ...(d.evidence.length ? d.evidence : ['（无）']).map((e, i) => paragraph(`${i + 1}. ${e}`)),
        paragraph(
          `本机关认为，你（单位）的上述行为违反了${d.draft.legalBasis}的规定。依据${d.draft.legalBasis}，` +
            (d.draft.discretion ? `适用《${d.draft.discretion.benchmark}》（${d.draft.discretion.application}），` : '') +
            `本机关拟对你（单位）作出如下行政处罚：${describePenalties(d.draft.penalties)}。`,
        ),
      ]
    : [paragraph(`经查，${d.caseFacts}`), paragraph('拟作出的行政处罚及其依据：（告知时尚未拟定，未记录）')];
  const body: Content[] = [
    { text: you, style: 'body', margin: [0, 8, 0, 2] },
    ...intended,
    paragraph(
      '根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）享有陈述、申辩的权利。' +
        `你（单位）可以自收到本告知书之日起${d.statementPeriod}内向本机关提出陈述、申辩；逾期未提出的，视为放弃此权利。`,
    ),
    ...(d.hearingPeriod
      ? [
          paragraph(
            '根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有权要求听证。' +
              `你（单位）要求听证的，应当自收到本告知书之日起${d.hearingPeriod}内向本机关提出；逾期未提出的，视为放弃此权利。`,
          ),
        ]
      : []),
    paragraph('本机关不因你（单位）陈述、申辩而给予更重的处罚（《中华人民共和国行政处罚法》第四十五条第二款）。'),
    signatureBlock([`${d.agencyName}（印章）`, d.datedOn ? chineseDate(d.datedOn) : BLANK_DATE]),
    {
      style: 'note',
      stack: [
        `案号：${d.caseNumber ?? '（未编号）'}`,
        d.by === null ? NOT_ISSUED : `承办人：${d.by}，${chineseTime(d.madeAt)}录入送达`,
        '本文书一式两份，一份送达当事人，一份附卷。',
      ],
    },
  ];
  return documentDefinition(
    {
      agencyName: d.agencyName,
      title: '行政处罚事先告知书',
      number: d.number ?? (d.caseNumber ? `案号：${d.caseNumber}` : null),
      madeAt: d.madeAt,
      subject: partyNames(d.parties),
    },
    body,
  );
}

/**
 * Whether the notice tells the right to a hearing: where the profile has it told always, or where the
 * penalty intended is one 行政处罚法 63 opens to a hearing. A fine or confiscation counts whatever its sum:
 * "较大数额" is set locally, no profile states it, and the workflow keeps the hearing window of every
 * notice open, so the paper does not deny what the record allows. Only 警告 and 通报批评 are outside 63.
 */
export function hearingTold(profileRights: readonly string[], draft: Pick<DraftDecision, 'penalties'> | null): boolean {
  return profileRights.includes('hearing') || !!draft?.penalties.some((p) => p.kind !== 'warning' && p.kind !== 'criticism');
}
