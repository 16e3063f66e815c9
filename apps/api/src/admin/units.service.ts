import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { administeredAgency } from '#libs/domain/permissions';
import { Actor } from '#libs/domain/roles';
import { UnitEntity } from '#libs/persistence/entities/unit.entity';
import { UnitsRepository } from '#libs/persistence/repositories/units.repository';
import { AuditService } from '../audit/audit.service';
import { ApiException } from '../common/api.exception';
import { pageOf, skipOf } from '../common/paging';
import { ProfileRegistry } from '../profiles/profile-registry';
import { isAgency } from './agencies';
import { ChangeUnitDto, CreateUnitDto, UnitQuery } from './units.dto';
import { UnitPage, UnitResponse, mapUnit } from './units.response';

const taken = (name: string) =>
  new ApiException('UNIT_NAME_TAKEN', [{ field: 'name', code: 'UNIT_NAME_TAKEN', message: `本机关已有名为「${name}」的科室` }]);

/** Units (科室) of an agency: who may change which agency's is the permission guard's (scopes `agency`, `unit`). */
@Injectable()
export class UnitsService {
  constructor(
    private readonly units: UnitsRepository,
    private readonly audit: AuditService,
    private readonly profiles: ProfileRegistry,
  ) {}

  async list(actor: Actor, q: UnitQuery): Promise<UnitPage> {
    const agencyId = administeredAgency(actor, q.agencyId);
    if (agencyId === null) throw new ApiException('AUTH_ROLE_FORBIDDEN');
    const active = q.active === undefined ? undefined : q.active === 'true';
    const [rows, total] = await this.units.page({ agencyId, active, q: q.q }, skipOf(q), q.pageSize);
    return pageOf(rows.map(mapUnit), total, q);
  }

  async create(actor: Actor, dto: CreateUnitDto, req: Request): Promise<UnitResponse> {
    const agencyId = dto.agencyId ?? actor.agencyId;
    if (!(await isAgency(this.profiles, agencyId)))
      throw new ApiException('VALIDATION_FAILED', [{ field: 'agencyId', code: 'AGENCY_UNKNOWN', message: `没有机关 ${agencyId}` }]);
    const unit = await this.units.add(agencyId, dto.name);
    if (!unit) throw taken(dto.name);
    await this.audit.changed(actor, 'unit_created', req, { unit: unit.id, after: snapshot(unit) }, agencyId);
    return mapUnit(unit);
  }

  /** A rename reaches the unit's people at once (their unit is the unit's name); a retired unit takes no one new. */
  async change(actor: Actor, id: string, dto: ChangeUnitDto, req: Request): Promise<UnitResponse> {
    const before = (await this.units.byId(id))!;
    const name = dto.name !== undefined && dto.name !== before.name ? dto.name : undefined;
    if (name && (await this.units.byName(before.agencyId, name))) throw taken(name);
    const retiredAt = dto.active === undefined || dto.active === !before.retiredAt ? undefined : dto.active ? null : new Date();
    // Nothing to change (an empty body, or a retry of a change already made): the unit as it is, nothing audited.
    if (name === undefined && retiredAt === undefined) return mapUnit(before);
    await this.units.change(id, { name, retiredAt });
    const after = (await this.units.byId(id))!;
    await this.audit.changed(actor, 'unit_changed', req, { unit: id, before: snapshot(before), after: snapshot(after) }, before.agencyId);
    return mapUnit(after);
  }
}

function snapshot(u: UnitEntity) {
  return { agencyId: u.agencyId, name: u.name, active: !u.retiredAt };
}
