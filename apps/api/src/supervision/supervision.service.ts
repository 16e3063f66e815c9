import { Injectable } from '@nestjs/common';
import { TASK_SPECS, TaskKind } from '#libs/domain/tasks';
import { DEFECT_LABELS } from '#libs/domain/defects';
import { Actor } from '#libs/domain/roles';
import { CasesRepository } from '#libs/persistence/repositories/cases.repository';
import { DueFilter, DueFrom, DueRow, SupervisionRepository } from '#libs/persistence/repositories/supervision.repository';
import { pageOf, skipOf } from '../common/paging';
import { dueCursorOf, encodeDueCursor } from './due-cursor';
import { AccountabilityQuery, DueQuery, StatsQuery } from './supervision.dto';
import { AccountabilityPage, DueItemPage, DueItemResponse, StatsResponse } from './supervision.response';

const OTHER_LABELS: Record<string, string> = {
  'deadline:decision': '作出处理决定的期限',
  'measure:seal': '查封期限',
  'measure:seize': '扣押期限',
  'measure:freeze': '冻结期限',
  service: '送达期限（当事人不在场）',
  payment: '缴纳罚款的期限',
  court_application: '申请人民法院强制执行的期限',
};

export function labelOfKind(kind: string): string {
  if (kind.startsWith('task:')) return TASK_SPECS[kind.slice(5) as TaskKind]?.label ?? kind;
  return OTHER_LABELS[kind] ?? kind;
}

/** The CSV export's limit: all pages, at most this many rows. */
const CSV_ROWS = 10_000;

/** The due list's count stops here (see DueItemPage). */
const COUNT_CAP = 1_000;

/** The supervisor's view over the due list (table `due_list`): paged, filtered, exported, summarised. */
@Injectable()
export class SupervisionService {
  constructor(
    private readonly supervision: SupervisionRepository,
    private readonly cases: CasesRepository,
  ) {}

  /** One page; one row more is read to tell whether another page follows. */
  async due(actor: Actor, q: DueQuery): Promise<DueItemPage> {
    const f = filter(actor, q);
    const from: DueFrom = q.cursor ? { after: dueCursorOf(q.cursor) } : { skip: skipOf(q) };
    // Two connections at once: the count does not wait for the page.
    const [rows, { total, capped }] = await Promise.all([
      this.supervision.due(f, from, q.pageSize + 1),
      this.supervision.dueCount(f, COUNT_CAP),
    ]);
    const items = rows.slice(0, q.pageSize);
    const nextCursor = rows.length > q.pageSize ? encodeDueCursor(items[items.length - 1].key) : null;
    return { ...pageOf(items.map(toDueView), total, q), totalCapped: capped, nextCursor };
  }

  /** The same rows as the list with the same filters, all pages (at most 10,000), as CSV with Chinese headers. */
  async csv(actor: Actor, q: DueQuery): Promise<string> {
    const rows = (await this.supervision.due(filter(actor, q), { skip: 0 }, CSV_ROWS)).map(toDueView);
    const head = [
      '案件编号',
      '案号',
      '期限类型',
      '到期时间',
      '逾期天数',
      '办案阶段',
      '承办人',
      '待办人',
      '角色',
      '到期时间是否估算',
      '未公布节假日安排的年度',
    ];
    const lines = rows.map((r) =>
      [
        r.caseId,
        r.caseNumber ?? '',
        r.kindLabel,
        r.dueAt,
        String(r.daysLate),
        r.stage,
        r.officerName ?? '',
        r.assigneeName ?? '',
        r.role ?? '',
        r.complete ? '否' : '是（按周末估算）',
        r.missingYears.join('、'),
      ]
        .map(csvCell)
        .join(','),
    );
    return `\uFEFF${[head.join(','), ...lines].join('\r\n')}\r\n`;
  }

  /**
   * Cases by stage; per kind of task deadline and month, how many were done and how many on time;
   * storage used; open items overdue at `asOf` per unit of the handling officer.
   */
  async stats(actor: Actor, q: StatsQuery = {}): Promise<StatsResponse> {
    const casesByStage = await this.cases.countByStage(actor.agencyId);
    const onTime = await this.supervision.onTime(actor.agencyId);
    const storage = await this.supervision.storage(actor.agencyId);
    const overdueByUnit = await this.supervision.overdueByUnit(actor.agencyId, q.asOf ?? new Date().toISOString());
    return {
      casesByStage,
      storage,
      overdueByUnit,
      onTime: onTime.map((r) => ({
        kind: r.kind,
        kindLabel: TASK_SPECS[r.kind as TaskKind]?.label ?? r.kind,
        month: r.month,
        done: r.done,
        onTime: r.onTime,
        rate: r.done ? r.onTime / r.done : null,
      })),
    };
  }

  /** Defects per case and per person (评议考核, 002 第三十四条): the items, and counts per person and kind. */
  async accountability(actor: Actor, q: AccountabilityQuery): Promise<AccountabilityPage> {
    const { rows, total, byPerson } = await this.supervision.accountabilityOf(
      { agencyId: actor.agencyId, personId: q.personId, caseId: q.caseId },
      skipOf(q),
      q.pageSize,
    );
    const label = (kind: string) => DEFECT_LABELS[kind] ?? kind;
    return {
      ...pageOf(
        rows.map((r) => ({ ...r, kindLabel: label(r.kind), at: r.at?.toISOString() ?? null })),
        total,
        q,
      ),
      byPerson: byPerson.map((r) => ({ ...r, kindLabel: label(r.kind) })),
    };
  }
}

/** Late or due as of `asOf` (default now), in the actor's agency. */
function filter(actor: Actor, q: DueQuery): DueFilter {
  return {
    agencyId: actor.agencyId,
    asOf: q.asOf ?? new Date().toISOString(),
    state: q.state,
    kind: q.kind,
    stage: q.stage,
    officerId: q.officerId,
    assigneeId: q.assigneeId,
    dueBefore: q.dueBefore,
  };
}

function toDueView(r: DueRow): DueItemResponse {
  return {
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    kind: r.kind,
    kindLabel: labelOfKind(r.kind),
    dueAt: r.dueAt.toISOString(),
    daysLate: r.daysLate,
    stage: r.stage,
    officerId: r.officerId,
    officerName: r.officerName,
    // Who must act: the person the task is assigned to, else anyone of its role.
    assigneeId: r.assigneeId,
    assigneeName: r.assigneeName,
    role: r.role,
    ref: r.ref,
    complete: r.complete,
    missingYears: r.missingYears,
  };
}

/** A CSV cell, quoted when needed; a leading =, +, - or @ is neutralised so a spreadsheet does not run it. */
function csvCell(v: string): string {
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
