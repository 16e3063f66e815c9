import { Injectable } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { CaseDocumentEntity } from '../entities/case-document.entity';

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

  findInCase(caseId: string, id: string): Promise<CaseDocumentEntity | null> {
    return this.documents.findOneBy({ id, caseId });
  }

  /** The actions the case's record holds, among these: what a case can have documents of. */
  async recordedActions(caseId: string, actions: readonly string[]): Promise<string[]> {
    const rows: { action: string }[] = await this.db.query(
      'SELECT DISTINCT action FROM case_records WHERE case_id = $1 AND action = ANY($2)',
      [caseId, actions],
    );
    return rows.map((r) => r.action);
  }
}
