import { Injectable } from '@nestjs/common';
import { DataSource, FindOptionsWhere, In, IsNull, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditEntity } from '../entities/audit.entity';

export type AuditEntry = Omit<AuditEntity, 'id' | 'at' | 'details'> & Partial<Pick<AuditEntity, 'details'>>;

/** Which entries a reader sees: any one of these scopes (an agency's, no agency's, these actions of every agency). */
export type AuditScope = { agencyId: string | null; action?: string } | { actions: readonly string[] };

/** Table `audit_log` (access audit): appended, read newest first. */
@Injectable()
export class AuditRepository {
  private readonly audit: Repository<AuditEntity>;

  constructor(db: DataSource) {
    this.audit = db.getRepository(AuditEntity);
  }

  async add(entry: AuditEntry): Promise<void> {
    await this.audit.insert(entry as QueryDeepPartialEntity<AuditEntity>);
  }

  page(scopes: AuditScope[], skip: number, take: number): Promise<[AuditEntity[], number]> {
    const where: FindOptionsWhere<AuditEntity>[] = scopes.map((s) =>
      'actions' in s ? { action: In([...s.actions]) } : { agencyId: s.agencyId ?? IsNull(), ...(s.action && { action: s.action }) },
    );
    return this.audit.findAndCount({ where, order: { id: 'DESC' }, skip, take });
  }
}
