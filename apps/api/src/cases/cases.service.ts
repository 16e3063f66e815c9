import { Injectable } from '@nestjs/common';
import { canReadCase } from '#libs/domain/access';
import { AgencyProfile, PROFILES } from '#libs/profiles/index';
import { CaseSource, CaseStatus, Stage } from '#libs/domain/case';
import { Actor } from '#libs/domain/roles';
import { CaseEntity } from '#libs/persistence/entities/case.entity';
import { CaseRecordRepository } from '#libs/persistence/repositories/case-record.repository';
import { CaseFilter, CasesRepository } from '#libs/persistence/repositories/cases.repository';
import { chinaDateRange, textMatch } from '#libs/persistence/case-search';
import { ApiException } from '../common/api.exception';
import { PageQuery, pageOf, skipOf } from '../common/paging';
import { CaseListQuery } from './cases.dto';
import { toCaseView, toRecordView } from './cases.mapper';
import { CasePage, CaseResponse, RecordEntryPage } from './cases.response';

@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly records: CaseRecordRepository,
  ) {}

  /** The case if the actor may see it: 404 when absent or another agency's (audited as CASE_OTHER_AGENCY). */
  async findForActor(actor: Actor, id: string): Promise<CaseEntity> {
    const c = await this.cases.byId(id);
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

  async view(actor: Actor, id: string): Promise<CaseResponse> {
    return toCaseView(await this.findForActor(actor, id));
  }

  /** The agency's cases, narrowed by the query's filters and search text (the case number, a party's name or ID number, in part). */
  async list(actor: Actor, q: CaseListQuery): Promise<CasePage> {
    const started = chinaDateRange(q.startedFrom, q.startedTo);
    const ended = chinaDateRange(q.endedFrom, q.endedTo);
    const filter: CaseFilter = {
      agencyId: actor.agencyId,
      status: q.status as CaseStatus | undefined,
      source: q.source as CaseSource | undefined,
      stage: q.stage as Stage | undefined,
      overdue: q.overdue,
      handlingOfficerId: q.handlingOfficerId,
      unit: q.unit,
      text: q.q === undefined ? undefined : textMatch(q.q),
      startedFrom: started.from,
      startedBefore: started.before,
      endedFrom: ended.from,
      endedBefore: ended.before,
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
