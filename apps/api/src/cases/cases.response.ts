import { CASE_SOURCES, CASE_STATUSES, STAGES } from '#libs/domain/case';
import { ROLES } from '#libs/domain/roles';
import { PageOf } from '../common/paging';
import { Bool, Instant, Int, Json, Nested, OneOf, Text, Uuid } from '../common/responses';

/** Whether the case clock stands still (中止), since when and why. */
export class ClockResponse {
  @Bool({ description: '案件期限是否中止' }) stopped: boolean;
  @Instant({ optional: true, description: '中止起始时间（中止时）' }) since?: string;
  @Text({ optional: true, description: '中止理由（中止时）' }) reason?: string;
}

export class CaseResponse {
  @Uuid() id: string;
  @Text({ nullable: true, description: '案号：立案时按本机关规则编号；立案前、简易程序案件及编号功能上线前已立案的案件为空' }) caseNumber:
    string | null;
  @Text({ nullable: true, description: '处罚决定书文号（作出决定后）' }) decisionNumber: string | null;
  @Text({ description: '机关' }) agencyId: string;
  @Int({ description: '案件适用的规则版本' }) profileVersion: number;
  @OneOf(CASE_SOURCES) source: string;
  @Text() sourceLabel: string;
  @Bool({ description: '情况紧急先行启动' }) emergency: boolean;
  @OneOf(CASE_STATUSES) status: string;
  @Text() statusLabel: string;
  @OneOf(STAGES) stage: string;
  @OneOf(['general', 'summary'], { description: '普通程序或简易程序' }) procedure: string;
  @Uuid({ description: '承办人' }) handlingOfficerId: string;
  @Bool() overdue: boolean;
  @Nested(() => ClockResponse) clock: ClockResponse;
  @Json({ description: '程序启动审批表' }) form: Record<string, unknown>;
  @Instant() startedAt: string;
  @Instant() updatedAt: string;
  @Instant({ nullable: true, description: '办结时间（执行完毕、终结或移送时）' }) endedAt: string | null;
}

export class CasePage extends PageOf(CaseResponse) {}

export class RecordActorResponse {
  @Uuid() id: string;
  @Text({ nullable: true }) name: string | null;
  @OneOf(ROLES, { nullable: true }) role: string | null;
}

/** One entry of the whole-process record. */
export class RecordEntryResponse {
  @Int({ description: '顺序号' }) seq: number;
  @Instant() at: string;
  @Nested(() => RecordActorResponse, { nullable: true, description: '操作人（系统自动记录时为空）' }) actor: RecordActorResponse | null;
  @Text() action: string;
  @Text() summary: string;
  @Text({ nullable: true }) legalBasis: string | null;
  @Json() details: Record<string, unknown>;
}

export class RecordEntryPage extends PageOf(RecordEntryResponse) {}
