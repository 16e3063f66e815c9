import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TASK_SPECS, TaskKind } from '#libs/domain/tasks';
import { DEFECT_LABELS } from '#libs/domain/defects';
import { Actor } from '#libs/domain/roles';
import { pageOf } from '../common/paging';
import { AccountabilityQuery, DueQuery } from './supervision.dto';

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

/** The instant lateness is measured at ($2 of every due-list query). */
const AS_OF = 'WITH p AS (SELECT $2::timestamptz AS as_of)';

interface DueRow {
  case_id: string;
  kind: string;
  due_at: Date;
  officer_id: string | null;
  officer_name: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  role: string | null;
  stage: string;
  ref: string;
  days_late: number;
  complete: boolean;
  missing_years: number[];
}

/** The supervisor's view over the due_items projection view: paged, filtered, exported, summarised. */
@Injectable()
export class SupervisionService {
  constructor(private readonly db: DataSource) {}

  async due(actor: Actor, q: DueQuery) {
    const { where, params } = this.filter(actor, q);
    const [{ total }] = await this.db.query(`${AS_OF} SELECT count(*)::int AS total FROM due_items d, p WHERE ${where}`, params);
    const rows = await this.rows(where, params, `LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`);
    return pageOf(rows.map(toView), total, q);
  }

  /** The same rows as the list with the same filters, all pages (at most 10,000), as CSV with Chinese headers. */
  async csv(actor: Actor, q: DueQuery): Promise<string> {
    const { where, params } = this.filter(actor, q);
    const rows = (await this.rows(where, params, 'LIMIT 10000')).map(toView);
    const head = ['案件编号', '期限类型', '到期时间', '逾期天数', '办案阶段', '承办人', '待办人', '角色', '到期时间是否估算', '未公布节假日安排的年度'];
    const lines = rows.map((r) =>
      [r.caseId, r.kindLabel, r.dueAt, String(r.daysLate), r.stage, r.officerName ?? '', r.assigneeName ?? '', r.role ?? '', r.complete ? '否' : '是（按周末估算）', r.missingYears.join('、')]
        .map(csvCell)
        .join(','),
    );
    return `\uFEFF${[head.join(','), ...lines].join('\r\n')}\r\n`;
  }

  /** Cases by stage; per kind of task deadline and month, how many were done and how many on time; storage used. */
  async stats(actor: Actor) {
    const stages = await this.db.query('SELECT stage, status, count(*)::int AS cases FROM cases WHERE agency_id = $1 GROUP BY stage, status ORDER BY stage, status', [actor.agencyId]);
    const onTime = await this.db.query(
      `SELECT kind, to_char(completed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*)::int AS done,
              count(*) FILTER (WHERE completed_at <= due_at)::int AS on_time
         FROM tasks WHERE agency_id = $1 AND status = 'completed' AND due_at IS NOT NULL
        GROUP BY kind, month ORDER BY month, kind`,
      [actor.agencyId],
    );
    // Audiovisual storage the agency's records use: each stored content counted once (files are kept by hash).
    const [storage] = await this.db.query(
      `SELECT count(*)::int AS files, coalesce(sum(size), 0)::bigint AS bytes FROM (
         SELECT DISTINCT f.sha256, f.size FROM av_files f JOIN evidence_records e ON e.id = f.record_id JOIN cases c ON c.id = e.case_id
          WHERE c.agency_id = $1) stored`,
      [actor.agencyId],
    );
    return {
      casesByStage: stages,
      storage: { files: storage.files, bytes: Number(storage.bytes) },
      onTime: onTime.map((r: { kind: TaskKind; month: string; done: number; on_time: number }) => ({
        kind: r.kind, kindLabel: TASK_SPECS[r.kind]?.label ?? r.kind, month: r.month, done: r.done, onTime: r.on_time, rate: r.done ? r.on_time / r.done : null,
      })),
    };
  }

  /** Defects per case and per person (评议考核, 002 第三十四条): the items, and counts per person and kind. */
  async accountability(actor: Actor, q: AccountabilityQuery) {
    const params: unknown[] = [actor.agencyId];
    const where = ['a.agency_id = $1'];
    if (q.personId) where.push(`a.person_id = $${params.push(q.personId)}`);
    if (q.caseId) where.push(`a.case_id = $${params.push(q.caseId)}`);
    const w = where.join(' AND ');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM accountability_items a WHERE ${w}`, params);
    const rows = await this.db.query(
      `SELECT a.case_id, a.person_id, u.display_name, a.kind, a.at, a.description FROM accountability_items a LEFT JOIN users u ON u.id = a.person_id
        WHERE ${w} ORDER BY a.at DESC, a.case_id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
    const people = await this.db.query(
      `SELECT a.person_id, u.display_name, a.kind, count(*)::int AS count FROM accountability_items a LEFT JOIN users u ON u.id = a.person_id
        WHERE ${w} GROUP BY a.person_id, u.display_name, a.kind ORDER BY count DESC, a.person_id`,
      params,
    );
    const item = (r: any) => ({ caseId: r.case_id, personId: r.person_id, personName: r.display_name, kind: r.kind, kindLabel: DEFECT_LABELS[r.kind] ?? r.kind, at: r.at?.toISOString() ?? null, description: r.description });
    return {
      ...pageOf(rows.map(item), total, q),
      byPerson: people.map((r: any) => ({ personId: r.person_id, personName: r.display_name, kind: r.kind, kindLabel: DEFECT_LABELS[r.kind] ?? r.kind, count: r.count })),
    };
  }

  /** $1 is the agency, $2 the instant lateness is measured at. */
  private filter(actor: Actor, q: DueQuery) {
    const params: unknown[] = [actor.agencyId, q.asOf ?? new Date().toISOString()];
    const where = ['d.agency_id = $1'];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.state === 'overdue') where.push('d.due_at < p.as_of');
    if (q.state === 'due') where.push('d.due_at >= p.as_of');
    if (q.kind) add('d.kind = ?', q.kind);
    if (q.stage) add('d.stage = ?', q.stage);
    if (q.officerId) add('d.officer_id = ?', q.officerId);
    if (q.assigneeId) add('d.assignee_id = ?', q.assigneeId);
    if (q.dueBefore) add('d.due_at < ?', q.dueBefore);
    return { where: where.join(' AND '), params };
  }

  private rows(where: string, params: unknown[], limit: string): Promise<DueRow[]> {
    return this.db.query(
      `${AS_OF} SELECT d.case_id, d.kind, d.due_at, d.officer_id, u.display_name AS officer_name, d.assignee_id, a.display_name AS assignee_name,
              d.role, d.stage, d.ref, GREATEST(0, floor(extract(epoch FROM p.as_of - d.due_at) / 86400))::int AS days_late,
              COALESCE(x.complete, true) AS complete, COALESCE(x.missing_years, '{}') AS missing_years
         FROM due_items d CROSS JOIN p LEFT JOIN users u ON u.id = d.officer_id LEFT JOIN users a ON a.id = d.assignee_id
         LEFT JOIN due_estimates x ON x.case_id = d.case_id AND x.kind = d.kind AND x.ref = d.ref
        WHERE ${where} ORDER BY d.due_at, d.case_id, d.kind ${limit}`,
      params,
    );
  }
}

function toView(r: DueRow) {
  return {
    caseId: r.case_id, kind: r.kind, kindLabel: labelOfKind(r.kind), dueAt: r.due_at.toISOString(), daysLate: r.days_late,
    stage: r.stage, officerId: r.officer_id, officerName: r.officer_name,
    // Who must act: the person the task is assigned to, else anyone of its role.
    assigneeId: r.assignee_id, assigneeName: r.assignee_name, role: r.role, ref: r.ref,
    complete: r.complete, missingYears: r.missing_years,
  };
}

/** A CSV cell, quoted when needed; a leading =, +, - or @ is neutralised so a spreadsheet does not run it. */
function csvCell(v: string): string {
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
