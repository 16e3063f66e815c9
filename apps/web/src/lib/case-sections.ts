import { certificateRefusal, type Certificate, type CertificateRefusal } from '#libs/domain/certificates';

// Labels and figures of the case page's sections, as the API's enumerations name them.

/** Case-level deadlines (case_deadlines.kind): today only the decision's (行政处罚法 第六十条). */
export const DEADLINE_KIND_LABELS: Record<string, string> = { decision: '作出处理决定的期限' };

export const DEADLINE_STATE_LABELS: Record<string, string> = {
  running: '计算中',
  paused: '中止计算',
  overdue: '已逾期',
  met: '已完成',
  stopped: '已停止（案件终结或移送）',
};

export const DEADLINE_END_LABELS: Record<string, string> = {
  met: '按期完成',
  met_late: '逾期完成',
  terminated: '案件终结',
  transferred: '案件移送',
};

export const MEASURE_STATUS_LABELS: Record<string, string> = {
  active: '实施中',
  paused: '期限暂停（检测、检验、鉴定等）',
  extension_requested: '已申请延长',
  expired: '期限届满',
  decided: '已作出处理决定',
};

export const MEASURE_DECISION_LABELS: Record<string, string> = { release: '解除', confiscate: '没收', transfer: '移送', other: '其他' };

export const EXECUTION_STATE_LABELS: Record<string, string> = {
  performing: '履行期内',
  paid: '已缴纳',
  overdue: '逾期未履行',
  applied_to_court: '已申请人民法院强制执行',
  ended: '执行终结',
};

/** An amount in fen as yuan: `1,250.00 元`. */
export function yuan(fen: number | null): string {
  if (fen === null) return '—';
  return `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
}

/** What the directory shows of an officer's 执法证件 on `today` (a China date): the rule of libs/domain/certificates. */
export interface CertificateState {
  valid: boolean;
  label: string;
}

const REFUSAL_LABELS: Record<CertificateRefusal, (c: Certificate) => string> = {
  CERTIFICATE_MISSING: () => '未登记执法证件',
  CERTIFICATE_VALIDITY_UNKNOWN: () => '执法证件未登记有效期',
  CERTIFICATE_NOT_YET_VALID: (c) => `执法证件 ${c.validFrom} 起生效`,
  CERTIFICATE_EXPIRED: (c) => `执法证件已于 ${c.validTo} 到期`,
};

export function certificateState(
  p: { certificateNo: string | null; certificateValidFrom: string | null; certificateValidTo: string | null },
  today: string,
): CertificateState {
  const c: Certificate = { number: p.certificateNo, validFrom: p.certificateValidFrom, validTo: p.certificateValidTo };
  const refusal = certificateRefusal(c, today);
  return refusal ? { valid: false, label: REFUSAL_LABELS[refusal](c) } : { valid: true, label: `有效期至 ${c.validTo}` };
}
