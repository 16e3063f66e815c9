import { SERVED_DOCUMENTS, SERVICE_METHODS, ServedDocument, ServiceMethod } from '#libs/domain/service';
import type { Attempt, AttemptState } from '#libs/domain/service';
import type { ServiceView } from '#libs/messages/service';
import { PageOf } from '../common/paging';
import { Bool, Instant, Ints, Json, Nested, NestedList, OneOf, Text, Uuid } from '../common/responses';
import { ActorResponse, DueTimesResponse, mapActor, mapDueTimes } from '../common/stage-responses';

const ATTEMPT_STATES: readonly AttemptState[] = ['pending', 'served', 'failed', 'timed_out'];
const NOTICE_CARRIERS = ['posting', 'newspaper', 'website'] as const;

export class DatedStepResponse {
  @Text({ description: '文书形成的环节' }) label: string;
  @Text({ description: '文书形成的时间（时刻或日期）' }) at: string;
}

export class ServedDocumentResponse {
  @OneOf(SERVED_DOCUMENTS, { description: '文书种类' }) kind: ServedDocument;
  @Text({ description: '文书名称' }) title: string;
  @Text({ description: '文书编号' }) number: string;
  @Nested(() => DatedStepResponse, { optional: true, description: '文书形成的时间：此前不得开始送达' }) dated?: DatedStepResponse;
}

export class PostalResponse {
  @Text({ description: '邮寄单位' }) carrier: string;
  @Text({ description: '邮件单号' }) trackingNumber: string;
  @Text({ description: '邮寄地址' }) address: string;
}

export class ViaResponse {
  @Text({ description: '委托或转交的原因' }) reason: string;
  @Text({ description: '受托或转交单位' }) to: string;
}

export class ElectronicResponse {
  @Text({ description: '当事人确认的电子邮件' }) address: string;
  @Instant({ description: '同意电子送达的时间' }) consentedAt: string;
}

export class PublicNoticeResponse {
  @OneOf(NOTICE_CARRIERS, { description: '公告方式' }) carrier: (typeof NOTICE_CARRIERS)[number];
  @Text({ description: '公告张贴或刊登处' }) place: string;
  @Json({ optional: true, description: '公告张贴的音像记录（证据记录及其上传期限）' }) audiovisual?: object;
}

export class ReceiptResponse {
  @Text({ description: '送达回证签收人' }) signedBy: string;
  @Text({ optional: true, description: '送达回证编号' }) receiptNumber?: string;
}

export class LodgedResponse {
  @Text({ description: '拒收事由' }) refusalReason: string;
  @Text({ description: '见证人' }) witness: string;
  @Json({ optional: true, description: '留置送达的音像记录（证据记录及其上传期限）' }) audiovisual?: object;
}

export class OutcomeResponse {
  @OneOf(['served', 'failed'], { description: '送达结果' }) outcome: 'served' | 'failed';
  @Instant({ description: '送达或失败时间' }) at: string;
  @Nested(() => ReceiptResponse, { optional: true, description: '送达回证' }) receipt?: ReceiptResponse;
  @Nested(() => LodgedResponse, { optional: true, description: '留置送达情况' }) lodged?: LodgedResponse;
  @Text({ optional: true, description: '未能送达的原因' }) failureReason?: string;
  @Nested(() => ActorResponse, { description: '记录人' }) by: ActorResponse;
}

export class AttemptResponse {
  @Uuid({ description: '送达尝试' }) id: string;
  @OneOf(SERVICE_METHODS, { description: '送达方式' }) method: ServiceMethod;
  @Instant({ description: '送达开始时间' }) startedAt: string;
  @Nested(() => PostalResponse, { optional: true, description: '邮寄情况' }) postal?: PostalResponse;
  @Nested(() => ViaResponse, { optional: true, description: '委托或转交情况' }) via?: ViaResponse;
  @Nested(() => ElectronicResponse, { optional: true, description: '电子送达地址' }) electronic?: ElectronicResponse;
  @Nested(() => PublicNoticeResponse, { optional: true, description: '公告情况' }) publicNotice?: PublicNoticeResponse;
  @Nested(() => ActorResponse, { description: '送达人' }) by: ActorResponse;
  @Instant({ description: '本次送达应有结果的期限' }) dueAt: string;
  @Bool({ optional: true, description: '期限是否确定（否：估算）' }) complete?: boolean;
  @Ints({ optional: true, description: '未公布节假日安排的年度' }) missingYears?: number[];
  @OneOf(ATTEMPT_STATES, { description: '状态' }) state: AttemptState;
  @Nested(() => OutcomeResponse, { optional: true, description: '结果' }) outcome?: OutcomeResponse;
}

/** One document served (or being served) on one recipient, with its attempts and the date of service. */
export class ServiceResponse {
  @Uuid({ description: '送达' }) id: string;
  @Uuid({ description: '案件' }) caseId: string;
  @Nested(() => ServedDocumentResponse, { description: '送达的文书' }) document: ServedDocumentResponse;
  @Text({ description: '受送达人' }) recipient: string;
  @OneOf(['pending', 'served'], { description: '送达状态' }) status: 'pending' | 'served';
  @NestedList(() => AttemptResponse, { description: '送达尝试' }) attempts: AttemptResponse[];
  @Instant({ nullable: true, description: '送达日期' }) servedAt: string | null;
  @OneOf(SERVICE_METHODS, { nullable: true, description: '送达方式' }) method: ServiceMethod | null;
  @Bool({ description: '公告送达：公告期满视为送达' }) deemed: boolean;
  @Instant({ nullable: true, description: '当事人不在场时的送达期限' }) mustServeBy: string | null;
  @Bool({ description: '已超过送达期限' }) overdue: boolean;
  @Nested(() => DueTimesResponse, { optional: true, description: '期限（service_attempt 或 deemed_service、must_serve_by）' })
  deadlines?: DueTimesResponse;
}

export class ServicePage extends PageOf(ServiceResponse) {}

/** 送达地址确认书 as confirmed. */
export class ServiceAddressResponse {
  @Uuid({ description: '确认书' }) id: string;
  @Text({ description: '送达地址' }) address: string;
  @Text({ optional: true, description: '联系方式' }) contact?: string;
  @Text({ optional: true, description: '电子邮件' }) email?: string;
  @Bool({ description: '同意电子送达' }) electronicConsent: boolean;
  @Instant({ description: '确认时间' }) confirmedAt: string;
  @Text({ description: '确认人签名' }) signedBy: string;
}

function mapAttempt(a: Attempt): AttemptResponse {
  const o = a.outcome;
  return {
    id: a.id,
    method: a.method,
    startedAt: a.startedAt,
    postal: a.postal && { carrier: a.postal.carrier, trackingNumber: a.postal.trackingNumber, address: a.postal.address },
    via: a.via && { reason: a.via.reason, to: a.via.to },
    electronic: a.electronic && { address: a.electronic.address, consentedAt: a.electronic.consentedAt },
    publicNotice: a.publicNotice && {
      carrier: a.publicNotice.carrier,
      place: a.publicNotice.place,
      audiovisual: a.publicNotice.audiovisual,
    },
    by: mapActor(a.by),
    dueAt: a.dueAt,
    complete: a.complete,
    missingYears: a.missingYears,
    state: a.state,
    outcome: o && {
      outcome: o.outcome,
      at: o.at,
      receipt: o.receipt && { signedBy: o.receipt.signedBy, receiptNumber: o.receipt.receiptNumber },
      lodged: o.lodged && { refusalReason: o.lodged.refusalReason, witness: o.lodged.witness, audiovisual: o.lodged.audiovisual },
      failureReason: o.failureReason,
      by: mapActor(o.by),
    },
  };
}

export function mapService(v: ServiceView): ServiceResponse {
  const d = v.document;
  return {
    id: v.id,
    caseId: v.caseId,
    document: { kind: d.kind, title: d.title, number: d.number, dated: d.dated && { label: d.dated.label, at: d.dated.at } },
    recipient: v.recipient,
    status: v.status,
    attempts: v.attempts.map(mapAttempt),
    servedAt: v.servedAt,
    method: v.method,
    deemed: v.deemed,
    mustServeBy: v.mustServeBy,
    overdue: v.overdue,
    deadlines: v.deadlines && mapDueTimes(v.deadlines),
  };
}

/** The confirmation as the party signed it (its times as sent). */
export const mapServiceAddress = (id: string, a: Omit<ServiceAddressResponse, 'id'>): ServiceAddressResponse => ({
  id,
  address: a.address,
  contact: a.contact,
  email: a.email,
  electronicConsent: a.electronicConsent,
  confirmedAt: a.confirmedAt,
  signedBy: a.signedBy,
});
