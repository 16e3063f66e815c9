import type { Content, DocDefinition } from './pdf';
import type { Party } from '../domain/case';
import { RIGHT_LABELS, type Right } from '../domain/evidence';
import { checkBoxes, chineseTime, documentDefinition, fieldTable, paragraph, signatureBlock } from './layout';
import { partyTable } from './parties';

/** The two 笔录 made at the scene of an investigation, each by two officers with certificates (行政处罚法 42, 55). */
export type FieldRecordKind = 'inquiry_transcript' | 'on_site_inspection_transcript';

/** An officer present, as the written record names them: who, the certificate, how it was shown. */
export interface OfficerShown {
  name: string;
  certificateNo: string;
  shown: string;
}

/** What a 询问笔录 or 现场检查（勘验）笔录 says, read from the written record when it is added. */
export interface FieldRecordDocument {
  kind: FieldRecordKind;
  agencyName: string;
  caseNumber: string | null;
  /** The record's own name as the officer gave it (e.g. 对王某的询问). */
  recordTitle: string;
  /** The party or parties of the case: the person questioned or present is one of them, or a witness. */
  parties: Party[];
  /** For an inquiry: whether the person asked is the party or a witness; null for an inspection. */
  subject: 'party' | 'witness' | null;
  recordedAt: string;
  place: string | null;
  officers: OfficerShown[];
  /** Who wrote the record down (its producer). */
  recorder: string;
  rightsTold: { rights: Right[]; method: string } | null;
  /** The questions and answers, or what was found at the scene, as written. */
  content: string;
  /** The signature or its refusal (with the witness), as recorded; the signature itself is by hand. */
  signatures: { partySigned: boolean; signedBy: string | null; refusalReason: string | null; witness: string | null };
  /** Audio-video made alongside: how many recordings the record names. */
  avCount: number;
  /** Why none was made, where the profile allows it. */
  avOmissionReason: string | null;
  /** A correction of an earlier record: why (the earlier one stands). */
  correctionReason: string | null;
  madeAt: string;
}

const LABELS: Record<FieldRecordKind, { title: string; time: string; place: string; by: string; who: string }> = {
  inquiry_transcript: { title: '询问笔录', time: '询问时间', place: '询问地点', by: '询问人', who: '被询问人' },
  on_site_inspection_transcript: {
    title: '现场检查（勘验）笔录',
    time: '检查（勘验）时间',
    place: '检查（勘验）地点',
    by: '检查（勘验）人',
    who: '当事人或者在场人',
  },
};

/**
 * The 询问笔录 and the 现场检查（勘验）笔录 after the 文书格式范本: time, place, the officers with their
 * certificates and how they were shown (行政处罚法 55), the recorder, the person asked or present, the
 * rights told (□/■), the content, and the signatures: each page is signed by hand at the scene, so the
 * blocks carry the names and the record's time and leave the signature to the pen.
 */
export function fieldRecordDocument(d: FieldRecordDocument): DocDefinition {
  const l = LABELS[d.kind];
  const told = d.rightsTold;
  const rows: [string, Content][] = [
    [l.time, chineseTime(d.recordedAt)],
    [l.place, d.place ?? '（未记录）'],
    [l.by, d.officers.map((o) => `${o.name}（执法证件号：${o.certificateNo}）`).join('\n') || '（未记录）'],
    ['证件出示情况', d.officers.map((o) => `${o.name}：${o.shown}`).join('\n') || '（未记录）'],
    ['记录人', d.recorder],
    [l.who, d.signatures.signedBy ?? '（未记录）'],
    ...(d.subject
      ? ([['询问对象', checkBoxes(['当事人', '证人'], d.subject === 'party' ? '当事人' : '证人')]] as [string, Content][])
      : []),
    // Every right the 范本 lists, the ones told ticked (□/■).
    ['权利告知', told ? `${rightBoxes(told.rights)}\n告知方式：${told.method}` : '（本笔录未记录权利告知）'],
    [
      '同步音像记录',
      d.avCount
        ? `■已同步音像记录（${d.avCount}份）`
        : `□已同步音像记录${d.avOmissionReason ? `；未记录的原因：${d.avOmissionReason}` : ''}`,
    ],
  ];
  const signed = d.signatures;
  const signature = signed.partySigned
    ? `${l.who}签名：${signed.signedBy ?? ''}`
    : `${l.who}拒绝签名（理由：${signed.refusalReason ?? '未记录'}），见证人：${signed.witness ?? '未记录'}`;
  const body: Content[] = [
    { text: d.recordTitle, style: 'body', alignment: 'center' },
    fieldTable(rows, 110),
    partyTable(d.parties),
    { text: d.kind === 'inquiry_transcript' ? '询问内容' : '现场情况', style: 'label', margin: [0, 6, 0, 0] },
    ...d.content.split(/\n+/).map(paragraph),
    ...(d.correctionReason ? [paragraph(`本笔录更正此前的记录，更正理由：${d.correctionReason}`)] : []),
    paragraph('以上笔录经核对无误。'),
    signatureBlock([signature, `${l.by}：${d.officers.map((o) => o.name).join('、')}`, `记录人：${d.recorder}`, chineseTime(d.recordedAt)]),
    {
      style: 'note',
      stack: [`案号：${d.caseNumber ?? '（未编号）'}`, `${l.who}、${l.by}、记录人应在笔录每页签名。`],
    },
  ];
  return documentDefinition(
    {
      agencyName: d.agencyName,
      title: l.title,
      number: d.caseNumber ? `案号：${d.caseNumber}` : null,
      madeAt: d.madeAt,
      subject: d.recordTitle,
    },
    body,
  );
}

const rightBoxes = (told: readonly Right[]): string =>
  (Object.keys(RIGHT_LABELS) as Right[]).map((r) => `${told.includes(r) ? '■' : '□'}${RIGHT_LABELS[r]}`).join('  ');
