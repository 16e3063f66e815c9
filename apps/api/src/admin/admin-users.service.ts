import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { passwordProblems } from '#libs/domain/password-policy';
import { administeredAgency, assignableRoles } from '#libs/domain/permissions';
import { Actor, Role } from '#libs/domain/roles';
import { UserEntity } from '#libs/persistence/entities/user.entity';
import { UnitsRepository } from '#libs/persistence/repositories/units.repository';
import { UserChanges, UsersRepository } from '#libs/persistence/repositories/users.repository';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { Sessions } from '../auth/sessions';
import { ApiException, FieldError } from '../common/api.exception';
import { pageOf, skipOf } from '../common/paging';
import { ProfileRegistry } from '../profiles/profile-registry';
import { agencyErrors } from './agencies';
import { AdminUserQuery, CertificateDto, ChangeUserDto, CreateUserDto } from './admin-users.dto';
import { AdminUserPage, AdminUserResponse, certificateOf, mapAdminUser } from './admin-users.response';

/** A username: letters, digits and . _ - (it is typed at every login and appears in the audit). */
const USERNAME = /^[A-Za-z0-9._-]{3,64}$/;

/**
 * An agency's people: created with a password the user must change, changed field by field, disabled.
 * Which agency's people an administrator may touch is the permission guard's (scopes `agency`, `user`);
 * which roles they may give is the matrix's `assignableRoles`. Every change is audited, before and
 * after, under the agency changed; a password appears in neither.
 */
@Injectable()
export class AdminUsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly units: UnitsRepository,
    private readonly audit: AuditService,
    private readonly sessions: Sessions,
    private readonly profiles: ProfileRegistry,
  ) {}

  async list(actor: Actor, q: AdminUserQuery): Promise<AdminUserPage> {
    const agencyId = administeredAgency(actor, q.agencyId);
    if (agencyId === null) throw new ApiException('AUTH_ROLE_FORBIDDEN');
    const filter = { agencyId, role: q.role, unit: q.unit, active: q.active === undefined ? undefined : q.active === 'true', q: q.q };
    const [rows, total] = await this.users.page(filter, skipOf(q), q.pageSize);
    return pageOf(rows.map(mapAdminUser), total, q);
  }

  async create(actor: Actor, dto: CreateUserDto, req: Request): Promise<AdminUserResponse> {
    const agency = await agencyErrors(this.profiles, dto.agencyId, dto.role);
    const errors: FieldError[] = [
      ...(USERNAME.test(dto.username)
        ? []
        : [{ field: 'username', code: 'USERNAME_FORMAT', message: '用户名须为 3 至 64 个字母、数字或 . _ -' }]),
      ...this.roleErrors(actor, dto.role),
      ...agency,
      // An unknown agency has no units: told once, on agencyId.
      ...(agency.some((e) => e.field === 'agencyId') ? [] : await this.unitErrors(dto.agencyId, dto.unit)),
      ...certificateErrors(dto.certificate),
      ...passwordProblems(dto.password, dto.username).map((p) => ({ field: 'password', ...p })),
    ];
    const taken = (await this.users.byUsername(dto.username)) ? [usernameTaken(dto.username)] : [];
    if (errors.length) throw new ApiException('VALIDATION_FAILED', [...taken, ...errors]);
    if (taken.length) throw new ApiException('USERNAME_TAKEN', taken);
    const created = await this.users.create({
      username: dto.username,
      displayName: dto.displayName,
      role: dto.role,
      agencyId: dto.agencyId,
      unit: dto.unit,
      ...certificateColumns(dto.certificate ?? null),
      passwordHash: await hashPassword(dto.password),
      mustChangePassword: true,
    });
    // Taken between the look-up and the insert (two administrators at once): the same answer.
    if (!created) throw new ApiException('USERNAME_TAKEN', [usernameTaken(dto.username)]);
    await this.audit.changed(actor, 'user_created', req, { user: created.id, after: snapshot(created) }, created.agencyId);
    return mapAdminUser(created);
  }

  async change(actor: Actor, id: string, dto: ChangeUserDto, req: Request): Promise<AdminUserResponse> {
    const before = (await this.users.byId(id))!;
    const changes: UserChanges = {
      ...(dto.displayName !== undefined && { displayName: dto.displayName }),
      ...(dto.unit !== undefined && { unit: dto.unit }),
      ...(dto.role !== undefined && { role: dto.role }),
      ...(dto.active !== undefined && { active: dto.active }),
      ...(dto.certificate !== undefined && certificateColumns(dto.certificate)),
    };
    const errors: FieldError[] = [
      ...(dto.role !== undefined && dto.role !== before.role
        ? [...this.roleErrors(actor, dto.role), ...(await agencyErrors(this.profiles, before.agencyId, dto.role))]
        : []),
      ...(dto.unit !== undefined && dto.unit !== before.unit ? await this.unitErrors(before.agencyId, dto.unit) : []),
      ...certificateErrors(dto.certificate ?? undefined),
      ...(dto.password !== undefined ? passwordProblems(dto.password, before.username).map((p) => ({ field: 'password', ...p })) : []),
    ];
    if (errors.length) throw new ApiException('VALIDATION_FAILED', errors);
    await this.users.change(id, changes);
    if (dto.password !== undefined) await this.users.setPasswordHash(id, await hashPassword(dto.password), true);
    // Disabled, or role, unit or password changed: the trigger has ended the sessions; the next request reads the row again.
    this.sessions.forget(id);
    const after = (await this.users.byId(id))!;
    await this.audit.changed(
      actor,
      'user_changed',
      req,
      { user: id, before: snapshot(before), after: snapshot(after), ...(dto.password !== undefined && { passwordReset: true }) },
      after.agencyId,
    );
    return mapAdminUser(after);
  }

  private roleErrors(actor: Actor, role: Role): FieldError[] {
    if (assignableRoles(actor).includes(role)) return [];
    return [{ field: 'role', code: 'ROLE_NOT_ASSIGNABLE', message: `机构管理员不能设置「${role}」角色（系统管理员只能由系统管理员设置）` }];
  }

  /** The unit is one of the agency's, and not retired (the people it has keep it; no one new joins it). */
  private async unitErrors(agencyId: string, name: string): Promise<FieldError[]> {
    const unit = await this.units.byName(agencyId, name);
    if (!unit) return [{ field: 'unit', code: 'UNIT_UNKNOWN', message: `本机关没有科室「${name}」，请先新增该科室` }];
    if (unit.retiredAt) return [{ field: 'unit', code: 'UNIT_RETIRED', message: `科室「${name}」已撤销，不能再安排人员` }];
    return [];
  }
}

function usernameTaken(username: string): FieldError {
  return { field: 'username', code: 'USERNAME_TAKEN', message: `用户名「${username}」已被使用` };
}

function certificateErrors(c: CertificateDto | undefined): FieldError[] {
  if (!c || c.validTo >= c.validFrom) return [];
  return [{ field: 'certificate.validTo', code: 'CERTIFICATE_VALIDITY_REVERSED', message: '执法证件有效期至不能早于有效期起' }];
}

function certificateColumns(c: CertificateDto | null) {
  return {
    certificateNo: c?.number ?? null,
    certificateIssuer: c?.issuer ?? null,
    certificateValidFrom: c?.validFrom ?? null,
    certificateValidTo: c?.validTo ?? null,
  };
}

/** What the audit keeps of a user: everything an administrator sets, except the password. */
function snapshot(u: UserEntity) {
  return {
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    agencyId: u.agencyId,
    unit: u.unit,
    certificate: certificateOf(u),
    active: u.active,
  };
}
