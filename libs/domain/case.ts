/** Case sources (glossary: 依申请, 依职权, 投诉、举报). */
export const CASE_SOURCES = ['application', 'ex_officio', 'complaint'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const CASE_SOURCE_LABELS: Record<CaseSource, string> = {
  application: '依申请',
  ex_officio: '依职权',
  complaint: '投诉、举报',
};

/**
 * Status of a case. `emergency_started` is a case acting before approval (情况紧急先行启动);
 * `initiated` is approved (立案); `declined` is 不予启动 / 不予受理.
 */
export const CASE_STATUSES = [
  'pending_approval',
  'emergency_started',
  'initiated',
  'declined',
  'decided',
  'ended',
  'terminated',
  'transferred',
  'archived',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  pending_approval: '待审批',
  emergency_started: '先行启动（待补报）',
  initiated: '已启动',
  declined: '不予启动',
  decided: '已作出决定',
  ended: '执行完毕（结案）',
  terminated: '已终结',
  transferred: '已移送',
  archived: '已归档',
};

/** 普通程序 or 简易程序 (行政处罚法 51–52: decided on the spot, filed afterwards). */
export type Procedure = 'general' | 'summary';

/**
 * Where the case is: filing (立案) moves it to the decision stage (审查决定, its deadline running;
 * the investigation goes on within it), the decision document to service (送达).
 */
export const STAGES = ['initiation', 'decision', 'service', 'execution', 'archiving', 'archived'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  initiation: '程序启动',
  decision: '调查与审查决定',
  service: '送达',
  execution: '执行',
  archiving: '归档中',
  archived: '已归档',
};

/** 当事人基本情况. */
export interface Party {
  kind: 'person' | 'organisation';
  name: string;
  idNumber?: string;
  address?: string;
  phone?: string;
}

/** The complainant of a complaint (投诉人、举报人); real-name decides whether a decline must be told. */
export interface Complainant {
  realName: boolean;
  name?: string;
  contact?: string;
}

/** The applicant's application as registered (申请登记, 口头申请). */
export interface Application {
  form: 'written' | 'oral';
  receivedAt: string;
  matter: string;
}

/** Fields of the 程序启动审批表 filled by the handling officer. */
export interface InitiationForm {
  reason: string; // 启动原因
  caseSource: string; // 案件来源 (free text: how the matter came to the agency)
  facts: string; // 基本案情
  parties: Party[]; // 当事人基本情况
  handlerOpinion: string; // 承办人意见
  complainant?: Complainant;
  complaintContent?: string;
  application?: Application;
}

/** Whether a declined case must be told to someone, per the agency's profile. */
export function declineMustBeTold(
  source: CaseSource,
  form: InitiationForm,
  rules: { applicant: boolean; realNameComplainant: boolean; exOfficioParty: boolean },
): boolean {
  switch (source) {
    case 'application':
      return rules.applicant;
    case 'complaint':
      return rules.realNameComplainant && form.complainant?.realName === true;
    case 'ex_officio':
      return rules.exOfficioParty;
  }
}
