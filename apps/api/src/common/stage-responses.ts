import { DEADLINE_KINDS, DueTime, DueTimes } from '#libs/domain/deadlines';
import { Actor, ROLES, Role } from '#libs/domain/roles';
import { TASK_KINDS, TaskKind, TaskRef } from '#libs/domain/tasks';
import { Bool, Instant, Ints, Nested, OneOf, Text, Uuid } from './responses';

/** The person who acted, as the record names them. */
export class ActorResponse {
  @Uuid({ description: '用户' }) id: string;
  @Text({ description: '姓名' }) name: string;
  @OneOf(ROLES, { description: '角色' }) role: Role;
  @Text({ description: '所属机关' }) agencyId: string;
}

export const mapActor = (a: Actor): ActorResponse => ({ id: a.id, name: a.name, role: a.role, agencyId: a.agencyId });

/** Every deadline's shape (libs/domain/deadlines): `complete: false` while `dueAt` is an estimate. */
export class DueTimeResponse {
  @Instant({ description: '到期时间' }) dueAt: string;
  @Bool({ description: '到期时间是否确定（否：期间跨入尚未公布节假日安排的年度，为估算）' }) complete: boolean;
  @Ints({ description: '未公布节假日安排的年度' }) missingYears: number[];
}

export const mapDueTime = (d: DueTime): DueTimeResponse => ({ dueAt: d.dueAt, complete: d.complete, missingYears: [...d.missingYears] });

/** A stage view's deadlines keyed by kind (DEADLINE_KINDS); a view shows the kinds it has. */
export class DueTimesResponse {
  @Nested(() => DueTimeResponse, { optional: true, description: DEADLINE_KINDS.decision }) decision?: DueTimeResponse;
  @Nested(() => DueTimeResponse, { optional: true, description: DEADLINE_KINDS.measure_end }) measure_end?: DueTimeResponse;
  @Nested(() => DueTimeResponse, { optional: true, description: DEADLINE_KINDS.service_attempt }) service_attempt?: DueTimeResponse;
  @Nested(() => DueTimeResponse, { optional: true, description: DEADLINE_KINDS.deemed_service }) deemed_service?: DueTimeResponse;
  @Nested(() => DueTimeResponse, { optional: true, description: DEADLINE_KINDS.must_serve_by }) must_serve_by?: DueTimeResponse;
  @Nested(() => DueTimeResponse, { optional: true, description: DEADLINE_KINDS.payment }) payment?: DueTimeResponse;
  @Nested(() => DueTimeResponse, { optional: true, description: DEADLINE_KINDS.review }) review?: DueTimeResponse;
  @Nested(() => DueTimeResponse, { optional: true, description: DEADLINE_KINDS.lawsuit }) lawsuit?: DueTimeResponse;
  @Nested(() => DueTimeResponse, { optional: true, description: DEADLINE_KINDS.court_window }) court_window?: DueTimeResponse;
  @Nested(() => DueTimeResponse, { optional: true, description: DEADLINE_KINDS.court_earliest }) court_earliest?: DueTimeResponse;
  @Nested(() => DueTimeResponse, { optional: true, description: DEADLINE_KINDS.statement }) statement?: DueTimeResponse;
  @Nested(() => DueTimeResponse, { optional: true, description: DEADLINE_KINDS.hearing_request }) hearing_request?: DueTimeResponse;
}

export function mapDueTimes(d: DueTimes): DueTimesResponse {
  const out: DueTimesResponse = {};
  for (const kind of Object.keys(DEADLINE_KINDS) as (keyof typeof DEADLINE_KINDS)[]) {
    const due = d[kind];
    if (due) out[kind] = mapDueTime(due);
  }
  return out;
}

/** A task just opened (the workflow's reference to it); the inbox (`GET /tasks`) has the rest. */
export class TaskRefResponse {
  @Uuid({ description: '任务' }) id: string;
  @Uuid({ description: '案件' }) caseId: string;
  @Text({ description: '机关' }) agencyId: string;
  @OneOf(TASK_KINDS, { description: '任务类型' }) kind: TaskKind;
  @OneOf(ROLES, { description: '办理角色' }) role: Role;
  @Uuid({ optional: true, description: '指定办理人' }) assigneeId?: string;
  @Instant({ optional: true, description: '办理期限' }) dueAt?: string;
  @Bool({ optional: true, description: '办理期限是否确定' }) dueComplete?: boolean;
  @Ints({ optional: true, description: '未公布节假日安排的年度' }) dueMissingYears?: number[];
  @Instant({ description: '开启时间' }) openedAt: string;
}

export const mapTaskRef = (t: TaskRef): TaskRefResponse => ({
  id: t.id,
  caseId: t.caseId,
  agencyId: t.agencyId,
  kind: t.kind,
  role: t.role,
  assigneeId: t.assigneeId,
  dueAt: t.dueAt,
  dueComplete: t.dueComplete,
  dueMissingYears: t.dueMissingYears && [...t.dueMissingYears],
  openedAt: t.openedAt,
});
