import { Injectable } from '@nestjs/common';
import { canReadCase } from '#libs/domain/access';
import { AgencyProfile } from '#libs/profiles/index';
import { CaseSource, CaseStatus } from '#libs/domain/case';
import { Actor } from '#libs/domain/roles';
import { CaseEntity } from '#libs/persistence/entities/case.entity';
import { CaseRecordRepository } from '#libs/persistence/repositories/case-record.repository';
import { CasesRepository } from '#libs/persistence/repositories/cases.repository';
import { ApiException } from '../common/api.exception';
import { PageQuery, pageOf, skipOf } from '../common/paging';
import { ProfileRegistry } from '../profiles/profile-registry';
import { CaseListQuery } from './cases.dto';
import { toCaseView, toRecordView } from './cases.mapper';
import { CasePage, CaseResponse, RecordEntryPage } from './cases.response';

@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly records: CaseRecordRepository,
    private readonly profiles: ProfileRegistry,
  ) {}

  /** The case if the actor may see it: 404 when absent or another agency's (audited as CASE_OTHER_AGENCY). */
  async findForActor(actor: Actor, id: string): Promise<CaseEntity> {
    const c = await this.cases.byId(id);
    if (!c) throw new ApiException('CASE_NOT_FOUND');
    if (!canReadCase(actor, c.agencyId)) throw new ApiException('CASE_OTHER_AGENCY');
    return c;
  }

  /** The profile version the case pinned when it started (built-in or loaded: the registry holds both). */
  async profileOf(c: CaseEntity): Promise<AgencyProfile> {
    const profile = await this.profiles.pinned(c.agencyId, c.profileVersion);
    if (!profile) throw new ApiException('PROFILE_NOT_FOUND');
    return profile;
  }

  async view(actor: Actor, id: string): Promise<CaseResponse> {
    return toCaseView(await this.findForActor(actor, id));
  }

  async list(actor: Actor, q: CaseListQuery): Promise<CasePage> {
    const filter = {
      agencyId: actor.agencyId,
      status: q.status as CaseStatus | undefined,
      source: q.source as CaseSource | undefined,
      overdue: q.overdue,
    };
    const [rows, total] = await this.cases.page(filter, skipOf(q), q.pageSize);
    return pageOf(rows.map(toCaseView), total, q);
  }

  /** The whole-process record of a case, in the order the steps happened. */
  async record(actor: Actor, id: string, q: PageQuery): Promise<RecordEntryPage> {
    await this.findForActor(actor, id);
    const [rows, total] = await this.records.page(id, skipOf(q), q.pageSize);
    return pageOf(rows.map(toRecordView), total, q);
  }
}
