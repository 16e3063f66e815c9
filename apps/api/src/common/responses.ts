import { DEADLINE_KINDS, DueTime, DueTimes } from '#libs/domain/deadlines';
import { Actor, ROLES, Role } from '#libs/domain/roles';
import { TASK_KINDS, TaskKind, TaskRef } from '#libs/domain/tasks';
import { BoolOut, EnumOut, InstantOut, IntListOut, NestedOut, TextOut, UuidOut } from './response-fields';

/** The person who acted, as the record names them. */
export class ActorResponse {
  @UuidOut('用户') id: string;
  @TextOut('姓名') name: string;
  @EnumOut('角色', ROLES) role: Role;
  @TextOut('所属机关') agencyId: string;
}

export const mapActor = (a: Actor): ActorResponse => ({ id: a.id, name: a.name, role: a.role, agencyId: a.agencyId });

/** Every deadline's shape (libs/domain/deadlines): `complete: false` while `dueAt` is an estimate. */
export class DueTimeResponse {
  @InstantOut('到期时间') dueAt: string;
  @BoolOut('到期时间是否确定（否：期间跨入尚未公布节假日安排的年度，为估算）') complete: boolean;
  @IntListOut('未公布节假日安排的年度') missingYears: number[];
}

export const mapDueTime = (d: DueTime): DueTimeResponse => ({ dueAt: d.dueAt, complete: d.complete, missingYears: [...d.missingYears] });

/** A stage view's deadlines keyed by kind (DEADLINE_KINDS); a view shows the kinds it has. */
export class DueTimesResponse {
  @NestedOut(DEADLINE_KINDS.decision, () => DueTimeResponse, { optional: true }) decision?: DueTimeResponse;
  @NestedOut(DEADLINE_KINDS.measure_end, () => DueTimeResponse, { optional: true }) measure_end?: DueTimeResponse;
  @NestedOut(DEADLINE_KINDS.service_attempt, () => DueTimeResponse, { optional: true }) service_attempt?: DueTimeResponse;
  @NestedOut(DEADLINE_KINDS.deemed_service, () => DueTimeResponse, { optional: true }) deemed_service?: DueTimeResponse;
  @NestedOut(DEADLINE_KINDS.must_serve_by, () => DueTimeResponse, { optional: true }) must_serve_by?: DueTimeResponse;
  @NestedOut(DEADLINE_KINDS.payment, () => DueTimeResponse, { optional: true }) payment?: DueTimeResponse;
  @NestedOut(DEADLINE_KINDS.review, () => DueTimeResponse, { optional: true }) review?: DueTimeResponse;
  @NestedOut(DEADLINE_KINDS.lawsuit, () => DueTimeResponse, { optional: true }) lawsuit?: DueTimeResponse;
  @NestedOut(DEADLINE_KINDS.court_window, () => DueTimeResponse, { optional: true }) court_window?: DueTimeResponse;
  @NestedOut(DEADLINE_KINDS.court_earliest, () => DueTimeResponse, { optional: true }) court_earliest?: DueTimeResponse;
  @NestedOut(DEADLINE_KINDS.statement, () => DueTimeResponse, { optional: true }) statement?: DueTimeResponse;
  @NestedOut(DEADLINE_KINDS.hearing_request, () => DueTimeResponse, { optional: true }) hearing_request?: DueTimeResponse;
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
  @UuidOut('任务') id: string;
  @UuidOut('案件') caseId: string;
  @TextOut('机关') agencyId: string;
  @EnumOut('任务类型', TASK_KINDS) kind: TaskKind;
  @EnumOut('办理角色', ROLES) role: Role;
  @UuidOut('指定办理人', { optional: true }) assigneeId?: string;
  @InstantOut('办理期限', { optional: true }) dueAt?: string;
  @BoolOut('办理期限是否确定', { optional: true }) dueComplete?: boolean;
  @IntListOut('未公布节假日安排的年度', { optional: true }) dueMissingYears?: number[];
  @InstantOut('开启时间') openedAt: string;
}

export const mapTaskRef = (t: TaskRef): TaskRefResponse => ({
  id: t.id, caseId: t.caseId, agencyId: t.agencyId, kind: t.kind, role: t.role, assigneeId: t.assigneeId, dueAt: t.dueAt,
  dueComplete: t.dueComplete, dueMissingYears: t.dueMissingYears && [...t.dueMissingYears], openedAt: t.openedAt,
});
