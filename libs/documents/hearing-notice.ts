import type { Content, DocDefinition } from './pdf';
import type { Party } from '../domain/case';
import { chinaDate } from '../calendar/dates';
import type { Period } from '../calendar/period-types';
import { chineseDate, chinesePeriod, chineseTime, documentDefinition, fieldTable, paragraph, signatureBlock } from './layout';
import { partyNames } from './parties';

/** What the 听证通知书 says (行政处罚法 64): read from the hearing's entry when it is scheduled. */
export interface HearingNoticeDocument {
  agencyName: string;
  caseNumber: string | null;
  parties: Party[];
  /** The pre-decision notice the party answered, by its 文号 where it had one. */
  noticeNumber: string | null;
  /** When the party was notified, the hearing's time and place, and who presides (where recorded). */
  notifiedAt: string;
  at: string;
  place: string;
  host: string | null;
  /** From the pinned profile: how long before the hearing the notice must reach the party (64(二): 七日). */
  period: Period;
  by: string;
  madeAt: string;
}

/**
 * The 听证通知书 after the 文书格式范本: the hearing asked for, its time and place (行政处罚法 64(二), at least
 * the profile's period before it), the presiding officer, who is not one of the case's investigators and
 * whom the party may ask to withdraw (64(四)), representation by one or two agents (64(五)), and what
 * failing to attend means (64(六)). The presiding officer is left for the hand when none was recorded.
 */
export function hearingNoticeDocument(d: HearingNoticeDocument): DocDefinition {
  const rows: [string, Content][] = [
    ['听证时间', chineseTime(d.at)],
    ['听证地点', d.place],
    ['听证主持人', d.host ?? { text: ' \n', margin: [0, 4, 0, 4] }],
  ];
  const body: Content[] = [
    { text: d.parties.length ? `${partyNames(d.parties)}：` : '当事人：', style: 'body', margin: [0, 8, 0, 2] },
    paragraph(
      `根据你（单位）对本机关${d.noticeNumber ?? ''}行政处罚事先告知书提出的听证申请，依照《中华人民共和国行政处罚法》` +
        '第六十三条、第六十四条的规定，本机关决定举行听证，现将有关事项通知如下：',
    ),
    fieldTable(rows, 96),
    paragraph('一、除涉及国家秘密、商业秘密或者个人隐私依法予以保密外，听证公开举行（第六十四条第三项）。'),
    paragraph('二、你（单位）认为主持人与本案有直接利害关系的，有权申请回避（第六十四条第四项）。'),
    paragraph('三、你（单位）可以亲自参加听证，也可以委托一至二人代理；委托代理人的，应当提交授权委托书（第六十四条第五项）。'),
    paragraph(
      '四、你（单位）及代理人无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，本机关终止听证（第六十四条第六项）。',
    ),
    paragraph('五、请携带身份证明及有关证据材料按时参加听证。'),
    signatureBlock([`${d.agencyName}（印章）`, chineseDate(chinaDate(new Date(d.notifiedAt)))]),
    {
      style: 'note',
      stack: [
        `案号：${d.caseNumber ?? '（未编号）'}`,
        `本通知书于${chineseTime(d.notifiedAt)}送达当事人，须在举行听证${chinesePeriod(d.period)}前送达（第六十四条第二项）。`,
        `承办人：${d.by}；${chineseTime(d.madeAt)}记录`,
      ],
    },
  ];
  return documentDefinition(
    {
      agencyName: d.agencyName,
      title: '听证通知书',
      number: d.caseNumber ? `案号：${d.caseNumber}` : null,
      madeAt: d.madeAt,
      subject: partyNames(d.parties),
    },
    body,
  );
}
