import type { CaseSource, Party } from '../domain/case';
import { CASE_SOURCE_LABELS } from '../domain/case';
import type { Content, DocDefinition } from './pdf';
import { chineseTime, documentDefinition, fieldTable } from './layout';
import { partyNames } from './parties';

/** An opinion on the form: what was said, by whom, when (the task's completion in the record). */
export interface SignedOpinion {
  opinion: string;
  name: string;
  at: string;
}

/** What the 程序启动审批表 says (the glossary's fields), read from the record at filing (立案). */
export interface InitiationApprovalDocument {
  agencyName: string;
  /** 案号, given at filing. */
  caseNumber: string;
  source: CaseSource;
  /** 案件来源 as the officer wrote it. */
  caseSource: string;
  reason: string;
  facts: string;
  parties: Party[];
  /** Started before approval (情况紧急先行启动), and when. */
  emergencyAt: string | null;
  handler: SignedOpinion;
  unitHead: SignedOpinion | null;
  /** The approver's opinion; `title` is the profile's name for the approver (局长, 本单位负责人…). */
  approver: SignedOpinion & { title: string };
  /** The filing entry's time. */
  madeAt: string;
}

const opinionCell = (o: SignedOpinion | null): Content =>
  o ? { stack: [o.opinion, { text: `签名：${o.name}    ${chineseTime(o.at)}`, alignment: 'right', margin: [0, 8, 0, 0] }] } : '（无）';

/** A party in one line: name, and the ID number and address where recorded. */
const partyLine = (p: Party): string => [p.name, p.idNumber, p.address, p.phone].filter(Boolean).join('，');

/**
 * The 程序启动审批表 after the 文书格式范本's 立案审批表: where the case came from and why it starts, the
 * parties and the facts, then the handling officer's, the unit head's and the approver's opinions, each
 * signed with the name and time the record holds. The 案号 stands at the right.
 */
export function initiationApprovalDocument(d: InitiationApprovalDocument): DocDefinition {
  const rows: [string, Content][] = [
    ['案件来源', `${CASE_SOURCE_LABELS[d.source]}：${d.caseSource}`],
    ['启动原因', d.reason],
    ['当事人基本情况', d.parties.length ? { stack: d.parties.map(partyLine) } : '（未记录）'],
    ['基本案情', d.facts],
    ...(d.emergencyAt ? [['情况紧急先行启动', `是，${chineseTime(d.emergencyAt)}启动`] as [string, Content]] : []),
    ['承办人意见', opinionCell(d.handler)],
    ['承办机构意见', opinionCell(d.unitHead)],
    [`${d.approver.title}意见`, opinionCell(d.approver)],
  ];
  return documentDefinition(
    {
      agencyName: d.agencyName,
      title: '程序启动审批表',
      number: `案号：${d.caseNumber}`,
      madeAt: d.madeAt,
      subject: partyNames(d.parties),
    },
    [fieldTable(rows, 110)],
  );
}
