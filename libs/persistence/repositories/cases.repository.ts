import { Injectable } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { CaseSource, CaseStatus, Stage } from '../../domain/case';
import { TextMatch } from '../case-search';
import { CaseEntity } from '../entities/case.entity';

/** What the case list is narrowed by: the agency always, the rest when given. */
export interface CaseFilter {
  agencyId: string;
  status?: CaseStatus;
  source?: CaseSource;
  overdue?: boolean;
  stage?: Stage;
  handlingOfficerId?: string;
  /** The handling officer's unit (科室). */
  unit?: string;
  /** The case number, a party's name or ID number, in part (libs/persistence/case-search). */
  text?: TextMatch;
  startedFrom?: Date;
  startedBefore?: Date;
  endedFrom?: Date;
  endedBefore?: Date;
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

/** What a task shows of its case. */
export interface CaseHead {
  caseNumber: string | null;
  partyNames: string[];
}

/**
 * A case's head from its row, as `caseHeads` computes it in SQL: for a caller that read the whole row
 * anyway (a completion's answer), so that it costs no second statement.
 */
export function headOf(c: CaseEntity): CaseHead {
  const parties: unknown = (c.form as { parties?: unknown }).parties;
  const names = Array.isArray(parties) ? parties.map((p: { name?: unknown } | null) => p?.name) : [];
  return { caseNumber: c.caseNumber, partyNames: names.filter((n) => n !== undefined && n !== null).map(String) };
}
@Injectable()
export class CasesRepository {
  constructor(private readonly db: DataSource) {}

  private get cases(): Repository<CaseEntity> {
    return this.db.getRepository(CaseEntity);
  }

  byId(id: string): Promise<CaseEntity | null> {
    return this.cases.findOneBy({ id });
  }

  /**
   * Newest first (id breaks ties, so pages are stable). The text is matched against `search_text`
   * (migration CaseSearch: the case number, parties' names and ID numbers, folded by `case_search_fold`).
   */
  async page(f: CaseFilter, skip: number, take: number): Promise<[CaseEntity[], number]> {
    const qb = this.cases.createQueryBuilder('c').where('c.agencyId = :agencyId', { agencyId: f.agencyId });
    const equal = { status: f.status, source: f.source, overdue: f.overdue, stage: f.stage, handlingOfficerId: f.handlingOfficerId };
    for (const [field, value] of Object.entries(equal)) {
      if (value !== undefined) qb.andWhere(`c.${field} = :${field}`, { [field]: value });
    }
    if (f.unit) {
      qb.andWhere('c.handlingOfficerId IN (SELECT u.id FROM users u WHERE u.agency_id = :agencyId AND u.unit = :unit)', { unit: f.unit });
    }
    if (f.text?.kind === 'trigram') qb.andWhere('c.search_text LIKE case_search_fold(:pattern)', { pattern: f.text.pattern });
    if (f.text?.kind === 'scan') qb.andWhere('strpos(c.search_text, case_search_fold(:text)) > 0', { text: f.text.text });
    if (f.startedFrom) qb.andWhere('c.startedAt >= :startedFrom', { startedFrom: f.startedFrom });
    if (f.startedBefore) qb.andWhere('c.startedAt < :startedBefore', { startedBefore: f.startedBefore });
    if (f.endedFrom) qb.andWhere('c.endedAt >= :endedFrom', { endedFrom: f.endedFrom });
    if (f.endedBefore) qb.andWhere('c.endedAt < :endedBefore', { endedBefore: f.endedBefore });
    const rows = await qb.clone().orderBy('c.startedAt', 'DESC').addOrderBy('c.id', 'ASC').offset(skip).limit(take).getMany();
    // count(*), not getManyAndCount's count(DISTINCT id), which sorts every match (a row per case: no join here).
    const count = await qb.select('count(*)::int', 'total').getRawOne<{ total: number }>();
    return [rows, count?.total ?? 0];
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

  /** The 案号 (null where not filed) and the parties' names of each of these cases: one statement for a page of tasks. */
  async caseHeads(ids: string[]): Promise<Map<string, CaseHead>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    // A summary-procedure case's form names no party (its party is only a kind): no names.
    const rows: { id: string; case_number: string | null; party_names: string[] }[] = await this.db.query(
      `SELECT id, case_number,
              ARRAY(SELECT p->>'name' FROM jsonb_array_elements(CASE WHEN jsonb_typeof(form->'parties') = 'array' THEN form->'parties' ELSE '[]'::jsonb END) p
                     WHERE p->>'name' IS NOT NULL) AS party_names
         FROM cases WHERE id = ANY($1::uuid[])`,
      [unique],
    );
    return new Map(rows.map((r) => [r.id, { caseNumber: r.case_number, partyNames: r.party_names }]));
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
