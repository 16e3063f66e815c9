import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { CaseDocumentEntity } from '../entities/case-document.entity';
import { PendingDocumentRow, pendingDocumentsShown } from '../pending-documents';

/** The documents generated for a case (written by the activities of the steps that make them). */
@Injectable()
export class CaseDocumentsRepository {
  private readonly documents: Repository<CaseDocumentEntity>;

  constructor(private readonly db: DataSource) {
    this.documents = db.getRepository(CaseDocumentEntity);
  }

  /** In the order the record made them; one page and how many there are. */
  page(caseId: string, kind: string | undefined, skip: number, take: number): Promise<[CaseDocumentEntity[], number]> {
    return this.documents.findAndCount({
      where: { caseId, ...(kind && { kind: kind as CaseDocumentEntity['kind'] }) },
      order: { createdAt: 'ASC', stepRef: 'ASC', version: 'ASC' },
      skip,
      take,
    });
  }

  /** Every document of the case, in the order the record made them (the 案卷's order). */
  allOf(caseId: string): Promise<CaseDocumentEntity[]> {
    return this.documents.find({ where: { caseId }, order: { createdAt: 'ASC', stepRef: 'ASC', version: 'ASC' } });
  }

  /** The documents the case's steps named and that are not made yet, oldest first; `failure` when the database refused one. */
  pending(caseId: string): Promise<PendingDocumentRow[]> {
    return pendingDocumentsShown(this.db.manager, caseId);
  }

  findInCase(caseId: string, id: string): Promise<CaseDocumentEntity | null> {
    return this.documents.findOneBy({ id, caseId });
  }

  /** The latest version of the document a step made (a correction replaces the latest, whichever was asked for). */
  latestOf(d: Pick<CaseDocumentEntity, 'caseId' | 'kind' | 'stepRef'>, m?: EntityManager): Promise<CaseDocumentEntity | null> {
    return (m?.getRepository(CaseDocumentEntity) ?? this.documents).findOne({
      where: { caseId: d.caseId, kind: d.kind, stepRef: d.stepRef },
      order: { version: 'DESC' },
    });
  }

  /** For each of these documents that a later version replaces, that version's id. */
  async replacedBy(ids: string[]): Promise<Map<string, string>> {
    const rows = ids.length ? await this.documents.find({ select: { id: true, replaces: true }, where: { replaces: In(ids) } }) : [];
    return new Map(rows.map((r) => [r.replaces!, r.id]));
  }

  /**
   * Runs `work` in a transaction holding the case's row lock, as the steps that make documents do: two
   * corrections of one document at once queue, and the second finds the first's version.
   */
  withCaseLocked<T>(caseId: string, work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(async (m) => {
      await m.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [caseId]);
      return work(m);
    });
  }

  /**
   * The case's entries of this step (its action, its key and what its details say where given), at most
   * one: what a case can have documents of.
   */
  recordedSteps(
    caseId: string,
    step: { action: string; key?: string; details?: Record<string, string> },
  ): Promise<{ action: string; key: string; details: Record<string, unknown> | null }[]> {
    return this.db.query(
      `SELECT action, entry_key AS key, details FROM case_records
        WHERE case_id = $1 AND action = $2 AND ($3::text IS NULL OR entry_key = $3) AND ($4::jsonb IS NULL OR details @> $4::jsonb)
        LIMIT 1`,
      [caseId, step.action, step.key ?? null, step.details ? JSON.stringify(step.details) : null],
    );
  }

  /**
   * Runs `read` over one consistent snapshot of the case's record (a read-only REPEATABLE READ
   * transaction): the preview reads the record with the same code the activities generate from.
   */
  readRecord<T>(read: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction('REPEATABLE READ', async (m) => {
      await m.query('SET TRANSACTION READ ONLY');
      return read(m);
    });
  }
}
