import { Injectable } from '@nestjs/common';
import { canReadCase } from '#libs/domain/access';
import { AgencyProfile } from '#libs/profiles/index';
import { CaseSource, CaseStatus, Stage } from '#libs/domain/case';
import { Actor } from '#libs/domain/roles';
import { CaseEntity } from '#libs/persistence/entities/case.entity';
import { CaseRecordRepository } from '#libs/persistence/repositories/case-record.repository';
import { CaseFilter, CasesRepository } from '#libs/persistence/repositories/cases.repository';
import { UnitsRepository } from '#libs/persistence/repositories/units.repository';
import { UsersRepository } from '#libs/persistence/repositories/users.repository';
import { chinaDateRange, textMatch } from '#libs/persistence/case-search';
import { ApiException, FieldError } from '../common/api.exception';
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
    private readonly units: UnitsRepository,
    private readonly users: UsersRepository,
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

  /** The agency's cases, narrowed by the query's filters and search text (the case number, a party's name or ID number, in part). */
  async list(actor: Actor, q: CaseListQuery): Promise<CasePage> {
    const errors = await this.filterErrors(actor, q);
    if (errors.length) throw new ApiException('VALIDATION_FAILED', errors);
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

  /**
   * The officer and the unit a list is narrowed to are the agency's own: a typo or another agency's id
   * is told, not answered with an empty list. A retired unit still names its cases.
   */
  private async filterErrors(actor: Actor, q: CaseListQuery): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    if (q.handlingOfficerId !== undefined) {
      const officer = await this.users.byId(q.handlingOfficerId);
      if (officer?.agencyId !== actor.agencyId) {
        errors.push({ field: 'handlingOfficerId', code: 'USER_UNKNOWN', message: '本机关没有该承办人' });
      }
    }
    if (q.unit !== undefined && !(await this.units.byName(actor.agencyId, q.unit))) {
      errors.push({ field: 'unit', code: 'UNIT_UNKNOWN', message: `本机关没有科室「${q.unit}」` });
    }
    return errors;
  }

  /** The whole-process record of a case, in the order the steps happened. */
  async record(actor: Actor, id: string, q: PageQuery): Promise<RecordEntryPage> {
    await this.findForActor(actor, id);
    const [rows, total] = await this.records.page(id, skipOf(q), q.pageSize);
    return pageOf(rows.map(toRecordView), total, q);
  }
}
