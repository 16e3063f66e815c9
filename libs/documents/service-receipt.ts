import type { Content, DocDefinition } from './pdf';
import { SERVICE_METHOD_LABELS, type ServiceMethod } from '../domain/service';
import { checkBoxes, chineseTime, documentDefinition, fieldTable } from './layout';

/** What a 送达回证 says: the document served, on whom, where, how, by whom; the rest is filled in by hand. */
export interface ServiceReceiptDocument {
  agencyName: string;
  caseNumber: string | null;
  /** The document served: its title and 文号. */
  served: { title: string; number: string };
  recipient: string;
  /** Where: the postal address of a postal attempt, else the recipient's recorded address. */
  place: string | null;
  method: ServiceMethod;
  /** Entrusted or forwarded: to whom and why. */
  via: { to: string; reason: string } | null;
  /** The officer who began the attempt, and when (the service_attempted entry's time is `madeAt`). */
  by: string;
  startedAt: string;
  madeAt: string;
}

/** The methods a 送达回证 offers to tick (公告 and 电子 have no receipt). */
export const RECEIPT_METHODS: readonly ServiceMethod[] = ['direct', 'lodged', 'postal', 'entrusted', 'forwarded'];

/**
 * The 送达回证 after the 文书格式范本: one per attempt, with the attempt's method ticked; the
 * recipient's signature and date, a refusal's witness and the remarks are left for the hand at service.
 */
export function serviceReceiptDocument(d: ServiceReceiptDocument): DocDefinition {
  // pdfmake lays a node out in place: each cell gets its own object.
  const blank = (): Content => ({ text: ' \n\n', margin: [0, 4, 0, 4] });
  const signedOn = (): Content => ({ text: '\n\n年    月    日', alignment: 'right' });
  const rows: [string, Content][] = [
    ['送达文书名称及文号', `${d.served.title}（${d.served.number}）`],
    ['受送达人', d.recipient],
    ['送达地点', d.place ?? blank()],
    // The five boxes on one line (11 pt), so no method's name breaks.
    [
      '送达方式',
      {
        text: checkBoxes(
          RECEIPT_METHODS.map((m) => SERVICE_METHOD_LABELS[m]),
          SERVICE_METHOD_LABELS[d.method],
        ),
        fontSize: 11,
      },
    ],
    // The time of service is the recipient's to write (the receipt's date is the date of service).
    ['送达时间', { text: '年    月    日    时    分', alignment: 'right' }],
    ['受送达人签名或盖章', signedOn()],
    ['代收人及代收理由', d.via ? `${d.via.to}（${d.via.reason}）` : blank()],
    ['见证人（拒收时）', blank()],
    ['送达人', { stack: [d.by, signedOn()] }],
    ['备注', { text: `${chineseTime(d.startedAt)}开始送达\n\n`, margin: [0, 4, 0, 4] }],
  ];
  return documentDefinition(
    {
      agencyName: d.agencyName,
      title: '送达回证',
      number: d.caseNumber ? `案号：${d.caseNumber}` : null,
      madeAt: d.madeAt,
      subject: d.recipient,
    },
    [fieldTable(rows, 120)],
  );
}
