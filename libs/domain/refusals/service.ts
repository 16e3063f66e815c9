/**
 * Refusals of 送达 (service of documents): a service that is not there or is over, and the attempt and
 * outcome rules (libs/domain/service `attemptRefusal`, `outcomeRefusal`).
 */
export const SERVICE_REFUSALS = {
  SERVICE_NOT_FOUND: '该送达不存在',
  SERVICE_ALREADY_SERVED: '文书已送达',
  SERVICE_NO_PENDING_ATTEMPT: '没有等待结果的送达',
  SERVICE_ATTEMPT_PENDING: '上一种送达方式尚未有结果，不能同时采用其他方式',
  SERVICE_PUBLIC_NOTICE_TOO_EARLY: '公告送达只能在其他送达方式均已尝试且无法送达后采用',
  SERVICE_ELECTRONIC_NO_CONSENT: '电子送达须经受送达人同意并确认电子送达地址',
  SERVICE_METHOD_DETAILS_MISSING: '该送达方式须记录的事项不完整',
  SERVICE_AV_REQUIRED: '该送达方式须进行音像记录',
  SERVICE_LODGED_DETAILS_MISSING: '留置送达须记明拒收事由、日期和见证人',
  SERVICE_RECEIPT_MISSING: '送达成功须记录送达回证的签收人',
} as const;
export type ServiceRefusal = keyof typeof SERVICE_REFUSALS;
