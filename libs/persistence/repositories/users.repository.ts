import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, In, Repository } from 'typeorm';
import { UserEntity } from '../entities/user.entity';

/** The fields a session needs, read on every request (cached by the API's Sessions). */
export type SessionUser = Pick<UserEntity, 'id' | 'displayName' | 'role' | 'agencyId' | 'active' | 'tokenVersion' | 'mustChangePassword'>;

/** A user to create if the username is free (the demo logins, an administrator's new colleague). */
export interface NewUser {
  username: string;
  displayName: string;
  role: string;
  agencyId: string;
  unit: string;
  certificateNo: string | null;
  certificateIssuer?: string | null;
  certificateValidFrom?: string | null;
  certificateValidTo?: string | null;
  passwordHash: string;
  mustChangePassword?: boolean;
}

/** What an administrator may change on a user (a password through setPasswordHash). */
export type UserChanges = Partial<
  Pick<
    UserEntity,
    'displayName' | 'unit' | 'role' | 'certificateNo' | 'certificateIssuer' | 'certificateValidFrom' | 'certificateValidTo' | 'active'
  >
>;

export interface UserFilter {
  agencyId?: string;
  role?: string;
  unit?: string;
  active?: boolean;
  /** Part of the name or the username. */
  q?: string;
}

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Table `users`: logins, sessions, officers' certificates and units. */
@Injectable()
export class UsersRepository {
  private readonly users: Repository<UserEntity>;

  constructor(private readonly db: DataSource) {
    this.users = db.getRepository(UserEntity);
  }

  byId(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  byIds(ids: string[]): Promise<UserEntity[]> {
    return ids.length ? this.users.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /**
   * The active colleagues of one agency, by unit then name (id breaks ties, so pages are stable):
   * the directory a client offers for "who else was present".
   */
  directory(agencyId: string, f: { role?: string; unit?: string }, skip: number, take: number): Promise<[UserEntity[], number]> {
    return this.users.findAndCount({
      where: { agencyId, active: true, ...(f.role ? { role: f.role as UserEntity['role'] } : {}), ...(f.unit ? { unit: f.unit } : {}) },
      order: { unit: 'ASC', displayName: 'ASC', id: 'ASC' },
      skip,
      take,
    });
  }

  byUsername(username: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ username });
  }

  /** Who a username names, for filing a refused login under its agency. */
  owner(username: string): Promise<Pick<UserEntity, 'id' | 'agencyId'> | null> {
    return this.users.findOne({ where: { username }, select: { id: true, agencyId: true } });
  }

  sessionUser(id: string): Promise<SessionUser | null> {
    return this.users.findOne({
      where: { id },
      select: { id: true, displayName: true, role: true, agencyId: true, active: true, tokenVersion: true, mustChangePassword: true },
    });
  }

  /** A new password; `mustChange` when an administrator set it (the user then chooses their own). */
  async setPasswordHash(id: string, passwordHash: string, mustChange = false): Promise<void> {
    await this.users.update({ id }, { passwordHash, mustChangePassword: mustChange });
  }

  /** A new user; null when the username is taken. */
  async create(u: NewUser): Promise<UserEntity | null> {
    const [row] = await this.db.query(
      `INSERT INTO users (username, display_name, role, agency_id, unit, certificate_no, certificate_issuer,
                          certificate_valid_from, certificate_valid_to, password_hash, must_change_password)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (username) DO NOTHING RETURNING id`,
      [
        u.username,
        u.displayName,
        u.role,
        u.agencyId,
        u.unit,
        u.certificateNo,
        u.certificateIssuer ?? null,
        u.certificateValidFrom ?? null,
        u.certificateValidTo ?? null,
        u.passwordHash,
        u.mustChangePassword ?? false,
      ],
    );
    return row ? this.byId(row.id) : null;
  }

  /** A change of role, unit or activity ends the user's sessions (the token_version trigger). */
  async change(id: string, c: UserChanges): Promise<void> {
    if (Object.keys(c).length) await this.users.update({ id }, c);
  }

  /** Users for an administrator: by agency, unit, name (id breaks ties, so pages are stable). */
  page(f: UserFilter, skip: number, take: number): Promise<[UserEntity[], number]> {
    const qb = this.users.createQueryBuilder('u');
    if (f.agencyId !== undefined) qb.andWhere('u.agency_id = :agencyId', { agencyId: f.agencyId });
    if (f.role) qb.andWhere('u.role = :role', { role: f.role });
    if (f.unit) qb.andWhere('u.unit = :unit', { unit: f.unit });
    if (f.active !== undefined) qb.andWhere('u.active = :active', { active: f.active });
    if (f.q) {
      const q = like(f.q);
      qb.andWhere(new Brackets((w) => w.where('u.display_name ILIKE :q', { q }).orWhere('u.username ILIKE :q', { q })));
    }
    return qb
      .orderBy('u.agency_id')
      .addOrderBy('u.unit')
      .addOrderBy('u.display_name')
      .addOrderBy('u.id')
      .skip(skip)
      .take(take)
      .getManyAndCount();
  }

  /**
   * Active people of an agency holding a certificate whose last valid day falls from `from` to `to`
   * (China dates), the soonest first: the certificates to renew.
   */
  expiringCertificates(agencyId: string, from: string, to: string, skip: number, take: number): Promise<[UserEntity[], number]> {
    return this.users
      .createQueryBuilder('u')
      .where('u.agency_id = :agencyId AND u.active AND u.certificate_no IS NOT NULL', { agencyId })
      .andWhere('u.certificate_valid_to BETWEEN :from AND :to', { from, to })
      .orderBy('u.certificate_valid_to')
      .addOrderBy('u.display_name')
      .addOrderBy('u.id')
      .skip(skip)
      .take(take)
      .getManyAndCount();
  }

  /** Moves the token version on: every token issued before stops working. */
  async endSessions(id: string): Promise<void> {
    await this.users.increment({ id }, 'tokenVersion', 1);
  }

  /**
   * Creates the users whose username is free; existing ones are left as they are, except that a
   * certificate number without a recorded validity gets the one given (logins seeded before validity
   * was kept).
   */
  async addIfAbsent(users: NewUser[]): Promise<void> {
    for (const u of users) {
      if (await this.create(u)) continue;
      await this.db.query(
        `UPDATE users SET certificate_issuer = $2, certificate_valid_from = $3, certificate_valid_to = $4
          WHERE username = $1 AND certificate_no IS NOT NULL AND certificate_valid_from IS NULL`,
        [u.username, u.certificateIssuer ?? null, u.certificateValidFrom ?? null, u.certificateValidTo ?? null],
      );
    }
  }
}
