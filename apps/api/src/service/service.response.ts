import { SERVED_DOCUMENTS, SERVICE_METHODS, ServedDocument, ServiceMethod } from '#libs/domain/service';
import type { Attempt, AttemptState } from '#libs/domain/service';
import type { ServiceView } from '#libs/messages/service';
import { ActorResponse, DueTimesResponse, mapActor, mapDueTimes } from '../common/responses';
import {
  BoolOut, EnumOut, InstantOut, IntListOut, NestedListOut, NestedOut, ObjectOut, TextOut, UuidOut,
} from '../common/response-fields';

const ATTEMPT_STATES: readonly AttemptState[] = ['pending', 'served', 'failed', 'timed_out'];
const NOTICE_CARRIERS = ['posting', 'newspaper', 'website'] as const;

export class DatedStepResponse {
  @TextOut('文书形成的环节') label: string;
  @TextOut('文书形成的时间（时刻或日期）') at: string;
}

export class ServedDocumentResponse {
  @EnumOut('文书种类', SERVED_DOCUMENTS) kind: ServedDocument;
  @TextOut('文书名称') title: string;
  @TextOut('文书编号') number: string;
  @NestedOut('文书形成的时间：此前不得开始送达', () => DatedStepResponse, { optional: true }) dated?: DatedStepResponse;
}

export class PostalResponse {
  @TextOut('邮寄单位') carrier: string;
  @TextOut('邮件单号') trackingNumber: string;
  @TextOut('邮寄地址') address: string;
}

export class ViaResponse {
  @TextOut('委托或转交的原因') reason: string;
  @TextOut('受托或转交单位') to: string;
}

export class ElectronicResponse {
  @TextOut('当事人确认的电子邮件') address: string;
  @InstantOut('同意电子送达的时间') consentedAt: string;
}

export class PublicNoticeResponse {
  @EnumOut('公告方式', NOTICE_CARRIERS) carrier: (typeof NOTICE_CARRIERS)[number];
  @TextOut('公告张贴或刊登处') place: string;
  @ObjectOut('公告张贴的音像记录（证据记录及其上传期限）', { optional: true }) audiovisual?: object;
}

export class ReceiptResponse {
  @TextOut('送达回证签收人') signedBy: string;
  @TextOut('送达回证编号', { optional: true }) receiptNumber?: string;
}

export class LodgedResponse {
  @TextOut('拒收事由') refusalReason: string;
  @TextOut('见证人') witness: string;
  @ObjectOut('留置送达的音像记录（证据记录及其上传期限）', { optional: true }) audiovisual?: object;
}

export class OutcomeResponse {
  @EnumOut('送达结果', ['served', 'failed']) outcome: 'served' | 'failed';
  @InstantOut('送达或失败时间') at: string;
  @NestedOut('送达回证', () => ReceiptResponse, { optional: true }) receipt?: ReceiptResponse;
  @NestedOut('留置送达情况', () => LodgedResponse, { optional: true }) lodged?: LodgedResponse;
  @TextOut('未能送达的原因', { optional: true }) failureReason?: string;
  @NestedOut('记录人', () => ActorResponse) by: ActorResponse;
}

export class AttemptResponse {
  @UuidOut('送达尝试') id: string;
  @EnumOut('送达方式', SERVICE_METHODS) method: ServiceMethod;
  @InstantOut('送达开始时间') startedAt: string;
  @NestedOut('邮寄情况', () => PostalResponse, { optional: true }) postal?: PostalResponse;
  @NestedOut('委托或转交情况', () => ViaResponse, { optional: true }) via?: ViaResponse;
  @NestedOut('电子送达地址', () => ElectronicResponse, { optional: true }) electronic?: ElectronicResponse;
  @NestedOut('公告情况', () => PublicNoticeResponse, { optional: true }) publicNotice?: PublicNoticeResponse;
  @NestedOut('送达人', () => ActorResponse) by: ActorResponse;
  @InstantOut('本次送达应有结果的期限') dueAt: string;
  @BoolOut('期限是否确定（否：估算）', { optional: true }) complete?: boolean;
  @IntListOut('未公布节假日安排的年度', { optional: true }) missingYears?: number[];
  @EnumOut('状态', ATTEMPT_STATES) state: AttemptState;
  @NestedOut('结果', () => OutcomeResponse, { optional: true }) outcome?: OutcomeResponse;
}

/** One document served (or being served) on one recipient, with its attempts and the date of service. */
export class ServiceResponse {
  @UuidOut('送达') id: string;
  @UuidOut('案件') caseId: string;
  @NestedOut('送达的文书', () => ServedDocumentResponse) document: ServedDocumentResponse;
  @TextOut('受送达人') recipient: string;
  @EnumOut('送达状态', ['pending', 'served']) status: 'pending' | 'served';
  @NestedListOut('送达尝试', () => AttemptResponse) attempts: AttemptResponse[];
  @InstantOut('送达日期', { nullable: true }) servedAt: string | null;
  @EnumOut('送达方式', SERVICE_METHODS, { nullable: true }) method: ServiceMethod | null;
  @BoolOut('公告送达：公告期满视为送达') deemed: boolean;
  @InstantOut('当事人不在场时的送达期限', { nullable: true }) mustServeBy: string | null;
  @BoolOut('已超过送达期限') overdue: boolean;
  @NestedOut('期限（service_attempt 或 deemed_service、must_serve_by）', () => DueTimesResponse, { optional: true }) deadlines?: DueTimesResponse;
}

/** 送达地址确认书 as confirmed. */
export class ServiceAddressResponse {
  @UuidOut('确认书') id: string;
  @TextOut('送达地址') address: string;
  @TextOut('联系方式', { optional: true }) contact?: string;
  @TextOut('电子邮件', { optional: true }) email?: string;
  @BoolOut('同意电子送达') electronicConsent: boolean;
  @InstantOut('确认时间') confirmedAt: string;
  @TextOut('确认人签名') signedBy: string;
}

function mapAttempt(a: Attempt): AttemptResponse {
  const o = a.outcome;
  return {
    id: a.id, method: a.method, startedAt: a.startedAt,
    postal: a.postal && { carrier: a.postal.carrier, trackingNumber: a.postal.trackingNumber, address: a.postal.address },
    via: a.via && { reason: a.via.reason, to: a.via.to },
    electronic: a.electronic && { address: a.electronic.address, consentedAt: a.electronic.consentedAt },
    publicNotice: a.publicNotice && { carrier: a.publicNotice.carrier, place: a.publicNotice.place, audiovisual: a.publicNotice.audiovisual },
    by: mapActor(a.by), dueAt: a.dueAt, complete: a.complete, missingYears: a.missingYears, state: a.state,
    outcome: o && {
      outcome: o.outcome, at: o.at,
      receipt: o.receipt && { signedBy: o.receipt.signedBy, receiptNumber: o.receipt.receiptNumber },
      lodged: o.lodged && { refusalReason: o.lodged.refusalReason, witness: o.lodged.witness, audiovisual: o.lodged.audiovisual },
      failureReason: o.failureReason, by: mapActor(o.by),
    },
  };
}

export function mapService(v: ServiceView): ServiceResponse {
  const d = v.document;
  return {
    id: v.id, caseId: v.caseId,
    document: { kind: d.kind, title: d.title, number: d.number, dated: d.dated && { label: d.dated.label, at: d.dated.at } },
    recipient: v.recipient, status: v.status, attempts: v.attempts.map(mapAttempt), servedAt: v.servedAt, method: v.method,
    deemed: v.deemed, mustServeBy: v.mustServeBy, overdue: v.overdue, deadlines: v.deadlines && mapDueTimes(v.deadlines),
  };
}

/** The confirmation as the party signed it (its times as sent). */
export const mapServiceAddress = (id: string, a: Omit<ServiceAddressResponse, 'id'>): ServiceAddressResponse => ({
  id, address: a.address, contact: a.contact, email: a.email, electronicConsent: a.electronicConsent, confirmedAt: a.confirmedAt, signedBy: a.signedBy,
});
