import { formErrors, type FormErrors } from './field-errors';
import { pickedInstant } from './time';

export const NOTICE_RIGHTS = ['statement', 'defence', 'hearing'] as const;
export type NoticeRight = (typeof NOTICE_RIGHTS)[number];

/** 行政处罚事先告知书 as typed (NoticeServedDto): issued now and served through 送达, or already served. */
export interface NoticeForm {
  rights: NoticeRight[];
  served: boolean;
  servedAt: string;
  method: string;
  documentNumber: string;
}

/** The party's written waiver (WaiverDto). */
export interface WaiverForm {
  waivedAt: string;
  scope: 'statement' | 'hearing' | 'both';
  document: string;
}

/** 行政处罚决定书 as typed (IssueDecisionDto); the 文号 only where the agency numbers by hand. */
export interface IssueForm {
  documentNumber: string;
  decidedOn: string;
  partyPresent: boolean;
  handedOver: { at: string; signedBy: string };
}

const when = (v: string) => pickedInstant(v);
const text = (v: string) => v.trim() || undefined;

/** Already served: its time and method; otherwise the 文号 it is issued under, its service started by the API. */
export function noticeBody(form: NoticeForm) {
  return form.served
    ? { rights: form.rights, servedAt: when(form.servedAt), method: form.method }
    : { rights: form.rights, documentNumber: form.documentNumber };
}

export const waiverBody = (form: WaiverForm) => ({ ...form, waivedAt: when(form.waivedAt) });

/** The party present at the announcement takes the decision on the spot (行政处罚法 第六十一条): who and when. */
export function issueBody(form: IssueForm) {
  return {
    documentNumber: text(form.documentNumber),
    decidedOn: form.decidedOn,
    partyPresent: form.partyPresent,
    handedOver: form.partyPresent ? { at: when(form.handedOver.at), signedBy: form.handedOver.signedBy } : undefined,
  };
}

const NOTICE_FIELDS = ['rights', 'servedAt', 'method', 'documentNumber'] as const;
const WAIVER_FIELDS = ['waivedAt', 'scope', 'document'] as const;
const ISSUE_FIELDS = ['documentNumber', 'decidedOn', 'partyPresent', 'handedOver.at', 'handedOver.signedBy'] as const;

export const noticeErrors = (b: unknown): FormErrors<(typeof NOTICE_FIELDS)[number]> => formErrors(b, NOTICE_FIELDS);
export const waiverErrors = (b: unknown): FormErrors<(typeof WAIVER_FIELDS)[number]> => formErrors(b, WAIVER_FIELDS);
export const issueErrors = (b: unknown): FormErrors<(typeof ISSUE_FIELDS)[number]> => formErrors(b, ISSUE_FIELDS);
