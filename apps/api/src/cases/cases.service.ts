import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsWhere, Repository } from 'typeorm';
import { canReadCase } from '#libs/domain/access';
import { AgencyProfile, PROFILES } from '#libs/profiles/index';
import { CaseSource, CaseStatus } from '#libs/domain/case';
import { Actor } from '#libs/domain/roles';
import { CaseRecordEntity } from '#libs/persistence/entities/case-record.entity';
import { CaseEntity } from '#libs/persistence/entities/case.entity';
import { ApiException } from '../common/api.exception';
import { PageQuery, pageOf } from '../common/paging';
import { CaseListQuery } from './cases.dto';
import { toCaseView, toRecordView } from './cases.mapper';

@Injectable()
export class CasesService {
  constructor(
    @InjectRepository(CaseEntity) private readonly cases: Repository<CaseEntity>,
    @InjectRepository(CaseRecordEntity) private readonly records: Repository<CaseRecordEntity>,
  ) {}

  /** The case if the actor may see it: 404 when absent or another agency's (audited as CASE_OTHER_AGENCY). */
  async findForActor(actor: Actor, id: string): Promise<CaseEntity> {
    const c = await this.cases.findOneBy({ id });
    if (!c) throw new ApiException('CASE_NOT_FOUND');
    if (!canReadCase(actor, c.agencyId)) throw new ApiException('CASE_OTHER_AGENCY');
    return c;
  }

  /** The profile version the case pinned when it started. */
  profileOf(c: CaseEntity): AgencyProfile {
    const profile = PROFILES.find((p) => p.id === c.agencyId && p.version === c.profileVersion);
    if (!profile) throw new ApiException('PROFILE_NOT_FOUND');
    return profile;
  }

  async view(actor: Actor, id: string) {
    return toCaseView(await this.findForActor(actor, id));
  }

  async list(actor: Actor, q: CaseListQuery) {
    const where: FindOptionsWhere<CaseEntity> = { agencyId: actor.agencyId };
    if (q.status) where.status = q.status as CaseStatus;
    if (q.source) where.source = q.source as CaseSource;
    if (q.overdue !== undefined) where.overdue = q.overdue;
    const [rows, total] = await this.cases.findAndCount({
      where,
      order: { startedAt: 'DESC', id: 'ASC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return pageOf(rows.map(toCaseView), total, q);
  }

  /** The whole-process record of a case, in the order the steps happened. */
  async record(actor: Actor, id: string, q: PageQuery) {
    await this.findForActor(actor, id);
    const [rows, total] = await this.records.findAndCount({
      where: { caseId: id },
      order: { seq: 'ASC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return pageOf(rows.map(toRecordView), total, q);
  }
}
