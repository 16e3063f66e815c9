import { Injectable } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { CaseOperationEntity } from '../entities/case-operation.entity';

export type NewCaseOperation = Pick<
  CaseOperationEntity,
  'id' | 'caseId' | 'agencyId' | 'kind' | 'reason' | 'legalBasis' | 'transfer' | 'requestedBy'
>;

/** The `case_operations` table: requests to suspend, resume, terminate or transfer a case. */
@Injectable()
export class CaseOperationsRepository {
  private readonly operations: Repository<CaseOperationEntity>;

  constructor(private readonly db: DataSource) {
    this.operations = db.getRepository(CaseOperationEntity);
  }

  /** Another operation of the case still open: awaiting the chief, or a transfer awaiting its receipt. */
  async anotherOpen(caseId: string, operationId: string): Promise<boolean> {
    const [open] = await this.db.query(
      `SELECT id FROM case_operations WHERE case_id = $1 AND id <> $2 AND (status = 'pending' OR (kind = 'transfer' AND status = 'approved'))`,
      [caseId, operationId],
    );
    return !!open;
  }

  /**
   * Records the request as pending; the same id twice records it once. `another_open` when the
   * unique index of open operations refused it: a concurrent request of the same case won.
   */
  async addPending(o: NewCaseOperation): Promise<'recorded' | 'another_open'> {
    try {
      await this.db.query(
        `INSERT INTO case_operations (id, case_id, agency_id, kind, reason, legal_basis, transfer, requested_by, requested_at, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), 'pending') ON CONFLICT (id) DO NOTHING`,
        [o.id, o.caseId, o.agencyId, o.kind, o.reason, o.legalBasis, o.transfer ? JSON.stringify(o.transfer) : null, o.requestedBy],
      );
      return 'recorded';
    } catch (e) {
      if ((e as { code?: string }).code === '23505') return 'another_open';
      throw e;
    }
  }

  /** Newest first. */
  ofCase(caseId: string): Promise<CaseOperationEntity[]> {
    return this.operations.find({ where: { caseId }, order: { requestedAt: 'DESC', id: 'ASC' } });
  }
}
