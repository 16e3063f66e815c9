import type { Content, DocDefinition } from './pdf';
import { chinaDate } from '../calendar/dates';
import type { Period } from '../calendar/period-types';
import { SERVICE_METHOD_LABELS, type ServiceMethod } from '../domain/service';
import { checkBoxes, chineseDate, chinesePeriod, chineseTime, documentDefinition, fieldTable, paragraph, signatureBlock } from './layout';

/** Where a 公告 is published (the attempt's carrier). */
export const NOTICE_CARRIER_LABELS = { posting: '张贴', newspaper: '报纸', website: '网站' } as const;
export type NoticeCarrier = keyof typeof NOTICE_CARRIER_LABELS;

/** What the 公告 says: the document served by it, on whom, why other methods failed, where and until when. */
export interface PublicNoticeDocument {
  agencyName: string;
  caseNumber: string | null;
  served: { title: string; number: string };
  recipient: string;
  /** The earlier attempts that failed: their method and why, as the officer reported them. */
  failed: { method: ServiceMethod; startedAt: string; reason: string | null }[];
  carrier: NoticeCarrier;
  place: string;
  /** The notice period from the pinned profile, and the rule that sets it (民事诉讼法 95 as the profile cites it). */
  period: Period;
  legalBasis: string;
  /** When the notice was published (the attempt's start) and when it is deemed served (the attempt's due time). */
  publishedAt: string;
  deemedServedAt: string;
  by: string;
  madeAt: string;
}

/**
 * The 公告 of service by public notice (公告送达): only after every other method failed (民事诉讼法 95), so it
 * says which were tried and why they failed; the document served, where it is published (□/■), that it is
 * deemed served once the profile's period has passed and from which day, and where the document may be
 * collected meanwhile.
 */
export function publicNoticeDocument(d: PublicNoticeDocument): DocDefinition {
  const tried = d.failed.map((a) => `${SERVICE_METHOD_LABELS[a.method]}（${chineseTime(a.startedAt)}${a.reason ? `，${a.reason}` : ''}）`);
  const rows: [string, Content][] = [
    ['受送达人', d.recipient],
    ['送达文书名称及文号', `${d.served.title}（${d.served.number}）`],
    ['已采用的送达方式', tried.join('\n') || '（未记录）'],
    ['公告方式', checkBoxes(Object.values(NOTICE_CARRIER_LABELS), NOTICE_CARRIER_LABELS[d.carrier])],
    ['公告载体', d.place],
    ['公告期限', `自${chineseDate(chinaDay(d.publishedAt))}起${chinesePeriod(d.period)}`],
    ['视为送达时间', chineseTime(d.deemedServedAt)],
  ];
  const body: Content[] = [
    { text: `${d.recipient}：`, style: 'body', margin: [0, 8, 0, 2] },
    paragraph(
      `本机关依法向你（单位）送达${d.served.title}（${d.served.number}），因采用其他方式无法送达，现予公告送达（依据：${d.legalBasis}）。`,
    ),
    fieldTable(rows, 120),
    paragraph(
      `自公告发布之日起经过${chinesePeriod(d.period)}，即视为送达。请你（单位）在公告期间内到${d.agencyName}领取上述文书；` +
        '文书所告知的期限自视为送达之日起计算。',
    ),
    signatureBlock([`${d.agencyName}（印章）`, chineseDate(chinaDay(d.publishedAt))]),
    {
      style: 'note',
      stack: [`案号：${d.caseNumber ?? '（未编号）'}`, `经办人：${d.by}；${chineseTime(d.madeAt)}记录公告`],
    },
  ];
  return documentDefinition(
    {
      agencyName: d.agencyName,
      title: '公告',
      number: d.caseNumber ? `案号：${d.caseNumber}` : null,
      madeAt: d.madeAt,
      subject: d.recipient,
    },
    body,
  );
}

const chinaDay = (instant: string) => chinaDate(new Date(instant));
