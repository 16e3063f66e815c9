import { Injectable } from '@nestjs/common';
import { DataSource, FindOptionsWhere, Repository } from 'typeorm';
import { CaseSource, CaseStatus } from '../../domain/case';
import { CaseEntity } from '../entities/case.entity';

export interface CaseFilter {
  agencyId: string;
  status?: CaseStatus;
  source?: CaseSource;
  overdue?: boolean;
}

/** What the permission matrix needs to know about a case, read in one statement. */
export interface CaseAccessFacts {
  agencyId: string;
  handlingOfficerId: string;
  handlingUnit: string;
  /** The officers the case's records name as present (行政处罚法 42). */
  investigatingOfficerIds: string[];
  /** The unit of the person asking. */
  actorUnit: string | null;
}

/** Table `cases` (the projection of each case's workflow): reads only; activities write it. */
@Injectable()
export class CasesRepository {
  constructor(private readonly db: DataSource) {}

  private get cases(): Repository<CaseEntity> {
    return this.db.getRepository(CaseEntity);
  }

  byId(id: string): Promise<CaseEntity | null> {
    return this.cases.findOneBy({ id });
  }

  /** Newest first. */
  page(f: CaseFilter, skip: number, take: number): Promise<[CaseEntity[], number]> {
    const where: FindOptionsWhere<CaseEntity> = { agencyId: f.agencyId };
    if (f.status) where.status = f.status;
    if (f.source) where.source = f.source;
    if (f.overdue !== undefined) where.overdue = f.overdue;
    return this.cases.findAndCount({ where, order: { startedAt: 'DESC', id: 'ASC' }, skip, take });
  }

  belongsTo(caseId: string, agencyId: string): Promise<boolean> {
    return this.cases.existsBy({ id: caseId, agencyId });
  }

  /** The 案号 of each of these cases (null where not filed): one statement for a page of a list. */
  async caseNumbers(ids: string[]): Promise<Map<string, string | null>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows: { id: string; case_number: string | null }[] = await this.db.query(
      'SELECT id, case_number FROM cases WHERE id = ANY($1::uuid[])',
      [unique],
    );
    return new Map(rows.map((r) => [r.id, r.case_number]));
  }

  /** Another case of the agency already carries this decision number (文号). */
  async decisionNumberTaken(agencyId: string, caseId: string, number: string): Promise<boolean> {
    const taken = await this.db.query('SELECT 1 FROM cases WHERE agency_id = $1 AND decision_number = $2 AND id <> $3 LIMIT 1', [
      agencyId,
      number,
      caseId,
    ]);
    return taken.length > 0;
  }

  /** Cases per stage and status. */
  countByStage(agencyId: string): Promise<{ stage: string; status: string; cases: number }[]> {
    return this.db.query(
      'SELECT stage, status, count(*)::int AS cases FROM cases WHERE agency_id = $1 GROUP BY stage, status ORDER BY stage, status',
      [agencyId],
    );
  }

  /** The case (named, or through one of its tasks) with its handling unit and investigating officers. */
  async accessFacts(scope: 'case' | 'task', id: string, actorId: string): Promise<CaseAccessFacts | null> {
    const caseId = scope === 'case' ? '$1' : '(SELECT case_id FROM tasks WHERE id = $1)';
    const [row]: { agency_id: string; handling_officer_id: string; unit: string; investigators: string[]; actor_unit: string | null }[] =
      await this.db.query(
        `SELECT c.agency_id, c.handling_officer_id, u.unit,
              COALESCE((SELECT array_agg(DISTINCT o->>'userId') FROM evidence_records e,
                        jsonb_array_elements(CASE WHEN jsonb_typeof(e.officers) = 'array' THEN e.officers ELSE '[]' END) o
                        WHERE e.case_id = c.id AND o->>'userId' IS NOT NULL), '{}') AS investigators,
              (SELECT unit FROM users WHERE id = $2) AS actor_unit
         FROM cases c JOIN users u ON u.id = c.handling_officer_id WHERE c.id = ${caseId}`,
        [id, actorId],
      );
    if (!row) return null;
    return {
      agencyId: row.agency_id,
      handlingOfficerId: row.handling_officer_id,
      handlingUnit: row.unit,
      investigatingOfficerIds: row.investigators,
      actorUnit: row.actor_unit,
    };
  }
}
