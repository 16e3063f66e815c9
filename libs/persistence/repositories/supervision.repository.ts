import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountabilityItemEntity } from '../entities/supervision-views.entity';

/** The supervisor's filters over the due list; lateness is measured at `asOf`. */
export interface DueFilter {
  agencyId: string;
  asOf: string;
  state: 'overdue' | 'due' | 'all';
  kind?: string;
  stage?: string;
  officerId?: string;
  assigneeId?: string;
  dueBefore?: string;
}

/** A row's place in the due list's order; `dueAt` as PostgreSQL prints it, to the microsecond. */
export interface DueKey {
  dueAt: string;
  caseId: string;
  kind: string;
  ref: string;
}

/** Where a page starts: after a row's key (keyset), or a number of rows in (page numbers). */
export type DueFrom = { after: DueKey } | { skip: number };

/** A due item with the names of who handles and who must act, its lateness and whether its time is an estimate. */
export interface DueRow {
  caseId: string;
  caseNumber: string | null;
  kind: string;
  dueAt: Date;
  officerId: string | null;
  officerName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  role: string | null;
  stage: string;
  ref: string;
  daysLate: number;
  complete: boolean;
  missingYears: number[];
  key: DueKey;
}

/** An accountability item with the person's name. */
export interface AccountabilityRow {
  caseId: string;
  caseNumber: string | null;
  personId: string | null;
  personName: string | null;
  kind: string;
  at: Date | null;
  description: string;
}

export interface DefectCount {
  personId: string | null;
  personName: string | null;
  kind: string;
  count: number;
}

/**
 * The supervisor's due list (table `due_list`, kept from the views `due_items` and `due_estimates` by
 * the DueList migration's triggers), `accountability_items`, and the statistics over tasks and stored files.
 */
@Injectable()
export class SupervisionRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * How many rows the filters select, counted up to `cap` (then `capped`): an exact count reads every
   * matching row, 100 000 of them for an agency's whole list, on every page.
   */
  async dueCount(f: DueFilter, cap: number): Promise<{ total: number; capped: boolean }> {
    const { where, params } = dueWhere(f);
    const [{ n }] = await this.db.query(
      `SELECT count(*)::int AS n FROM (SELECT $2::timestamptz FROM due_list d WHERE ${where} LIMIT ${Number(cap) + 1}) x`,
      params,
    );
    return { total: Math.min(n, cap), capped: n > cap };
  }

  /** Soonest due first (then case, kind, ref: one order, so a page can start after a row's key). */
  async due(f: DueFilter, from: DueFrom, take: number): Promise<DueRow[]> {
    const { where, params } = dueWhere(f);
    let after = '';
    if ('after' in from) {
      const k = from.after;
      params.push(k.dueAt, k.caseId, k.kind, k.ref);
      const n = params.length;
      after = ` AND (d.due_at, d.case_id, d.kind, d.ref) > ($${n - 3}::timestamptz, $${n - 2}::uuid, $${n - 1}, $${n})`;
    }
    const rows: (Omit<DueRow, 'key'> & { dueKey: string })[] = await this.db.query(
      `SELECT d.case_id AS "caseId", c.case_number AS "caseNumber", d.kind, d.due_at AS "dueAt", d.officer_id AS "officerId", u.display_name AS "officerName",
              d.assignee_id AS "assigneeId", a.display_name AS "assigneeName", d.role, d.stage, d.ref,
              GREATEST(0, floor(extract(epoch FROM $2::timestamptz - d.due_at) / 86400))::int AS "daysLate",
              d.complete, d.missing_years AS "missingYears",
              to_char(d.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "dueKey"
         FROM due_list d LEFT JOIN cases c ON c.id = d.case_id
         LEFT JOIN users u ON u.id = d.officer_id LEFT JOIN users a ON a.id = d.assignee_id
        WHERE ${where}${after} ORDER BY d.due_at, d.case_id, d.kind, d.ref
        LIMIT ${Number(take)}${'skip' in from ? ` OFFSET ${Number(from.skip)}` : ''}`,
      params,
    );
    return rows.map(({ dueKey, ...r }) => ({ ...r, key: { dueAt: dueKey, caseId: r.caseId, kind: r.kind, ref: r.ref } }));
  }

  /** Per kind of task deadline and China month: how many were done, how many on time. */
  onTime(agencyId: string): Promise<{ kind: string; month: string; done: number; onTime: number }[]> {
    return this.db.query(
      `SELECT kind, to_char(completed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*)::int AS done,
              count(*) FILTER (WHERE completed_at <= due_at)::int AS "onTime"
         FROM tasks WHERE agency_id = $1 AND status = 'completed' AND due_at IS NOT NULL
        GROUP BY kind, month ORDER BY month, kind`,
      [agencyId],
    );
  }

  /**
   * Open items overdue at `asOf`, per unit of the case's handling officer (null: no officer yet): the
   * due list's overdue rows counted by that unit, so the chart and the list never disagree.
   */
  overdueByUnit(agencyId: string, asOf: string): Promise<{ unit: string | null; overdue: number }[]> {
    return this.db.query(
      `SELECT u.unit, count(*)::int AS overdue
         FROM due_list d LEFT JOIN users u ON u.id = d.officer_id
        WHERE d.agency_id = $1 AND d.due_at < $2::timestamptz
        GROUP BY u.unit ORDER BY overdue DESC, u.unit NULLS LAST`,
      [agencyId, asOf],
    );
  }

  /** Audiovisual storage the agency's records use: each stored content counted once (files are kept by hash). */
  async storage(agencyId: string): Promise<{ files: number; bytes: number }> {
    const [s] = await this.db.query(
      `SELECT count(*)::int AS files, coalesce(sum(size), 0)::bigint AS bytes FROM (
         SELECT DISTINCT f.sha256, f.size FROM av_files f JOIN evidence_records e ON e.id = f.record_id JOIN cases c ON c.id = e.case_id
          WHERE c.agency_id = $1) stored`,
      [agencyId],
    );
    return { files: s.files, bytes: Number(s.bytes) };
  }

  /** The agency's defects, newest first, with the person's name; and the count per person and kind. */
  async accountabilityOf(f: { agencyId: string; personId?: string; caseId?: string }, skip: number, take: number) {
    const params: unknown[] = [f.agencyId];
    const where = ['a.agency_id = $1'];
    if (f.personId) where.push(`a.person_id = $${params.push(f.personId)}`);
    if (f.caseId) where.push(`a.case_id = $${params.push(f.caseId)}`);
    const w = where.join(' AND ');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM accountability_items a WHERE ${w}`, params);
    const rows: AccountabilityRow[] = await this.db.query(
      `SELECT a.case_id AS "caseId", c.case_number AS "caseNumber", a.person_id AS "personId", u.display_name AS "personName",
              a.kind, a.at, a.description
         FROM accountability_items a LEFT JOIN users u ON u.id = a.person_id LEFT JOIN cases c ON c.id = a.case_id
        WHERE ${w} ORDER BY a.at DESC, a.case_id LIMIT ${Number(take)} OFFSET ${Number(skip)}`,
      params,
    );
    const byPerson: DefectCount[] = await this.db.query(
      `SELECT a.person_id AS "personId", u.display_name AS "personName", a.kind, count(*)::int AS count
         FROM accountability_items a LEFT JOIN users u ON u.id = a.person_id
        WHERE ${w} GROUP BY a.person_id, u.display_name, a.kind ORDER BY count DESC, a.person_id`,
      params,
    );
    return { rows, total: total as number, byPerson };
  }

  /** One case's defects, recorded and derived, oldest first: one page of them and how many there are. */
  defectsOfCase(caseId: string, skip: number, take: number): Promise<[AccountabilityItemEntity[], number]> {
    return this.db.getRepository(AccountabilityItemEntity).findAndCount({ where: { caseId }, order: { at: 'ASC', id: 'ASC' }, skip, take });
  }
}

/** $1 is the agency, $2 the instant lateness is measured at (each query names $2 so that its type is known). */
function dueWhere(f: DueFilter) {
  const params: unknown[] = [f.agencyId, f.asOf];
  const where = ['d.agency_id = $1'];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.state === 'overdue') where.push('d.due_at < $2::timestamptz');
  if (f.state === 'due') where.push('d.due_at >= $2::timestamptz');
  if (f.kind) add('d.kind = ?', f.kind);
  if (f.stage) add('d.stage = ?', f.stage);
  if (f.officerId) add('d.officer_id = ?', f.officerId);
  if (f.assigneeId) add('d.assignee_id = ?', f.assigneeId);
  if (f.dueBefore) add('d.due_at < ?', f.dueBefore);
  return { where: where.join(' AND '), params };
}
