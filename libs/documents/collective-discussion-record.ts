import type { Content, DocDefinition } from './pdf';
import type { Party } from '../domain/case';
import { chineseNumber, chineseTime, documentDefinition, fieldTable } from './layout';
import { partyNames } from './parties';

/** How the agency's profile has the meeting recorded: a written record, or a record or minutes (000 第十一条…). */
export type DiscussionRecordForm = 'written_record' | 'record_or_minutes';

const MINUTES_LABEL: Record<DiscussionRecordForm, string> = {
  written_record: '讨论记录',
  record_or_minutes: '讨论记录（会议纪要）',
};

/** What the 集体讨论记录 says, read from the record when the discussion is minuted (行政处罚法 57 第二款). */
export interface CollectiveDiscussionDocument {
  agencyName: string;
  caseNumber: string | null;
  parties: Party[];
  heldAt: string;
  /** Who chaired the meeting where it was recorded. */
  chair: string | null;
  participants: string[];
  /** Who recorded the discussion in lawtrail (记录人). */
  recorder: string;
  /** Why the case needs the discussion (57 第二款's cases found in it). */
  reasons: string[];
  /** The draft discussed: its version and the penalty it proposes. */
  draft: { version: number; penalties: string } | null;
  minutes: string;
  conclusion: string;
  form: DiscussionRecordForm;
  /** The agency's rule for the record as the profile cites it (the step's entry), besides 57 第二款. */
  basis: string | null;
  madeAt: string;
}

/**
 * The 集体讨论记录: when, who chaired, who took part and who recorded it, the draft discussed and why the
 * case needs the discussion (情节复杂, 重大违法行为 as the workflow's gates found them), the discussion
 * and the conclusion the agency's leaders reached (行政处罚法 57 第二款), with a row for the participants to sign
 * by hand. The label of the discussion follows the form the profile records it in.
 */
export function collectiveDiscussionDocument(d: CollectiveDiscussionDocument): DocDefinition {
  const rows: [string, Content][] = [
    ['当事人', partyNames(d.parties) || '（未记录）'],
    ['讨论时间', chineseTime(d.heldAt)],
    ['主持人', d.chair ?? '（未记录）'],
    ['参加人员', d.participants.join('、')],
    ['记录人', d.recorder],
    ['讨论事项', d.draft ? `第${chineseNumber(d.draft.version)}稿处理意见：${d.draft.penalties}` : '处理意见'],
    ['集体讨论事由', d.reasons.length ? d.reasons.join('；') : '（未记录）'],
    [MINUTES_LABEL[d.form], d.minutes],
    ['讨论结论', d.conclusion],
    ['参加人员签名', '\n\n'],
  ];
  return documentDefinition(
    {
      agencyName: d.agencyName,
      title: '集体讨论记录',
      number: `案号：${d.caseNumber ?? '（未编号）'}`,
      madeAt: d.madeAt,
      subject: partyNames(d.parties),
    },
    [
      fieldTable(rows, 96),
      {
        style: 'note',
        stack: [`依据：《中华人民共和国行政处罚法》第五十七条第二款${d.basis ? `；${d.basis}` : ''}`, `${chineseTime(d.madeAt)}录入`],
      },
    ],
  );
}
