import { Injectable } from '@nestjs/common';
import { DataSource, In, Repository } from 'typeorm';
import { UserEntity } from '../entities/user.entity';

/** The fields a session needs, read on every request (cached by the API's Sessions). */
export type SessionUser = Pick<UserEntity, 'id' | 'displayName' | 'role' | 'agencyId' | 'active' | 'tokenVersion'>;

/** A user to create if the username is free (the demo logins). */
export interface NewUser {
  username: string;
  displayName: string;
  role: string;
  agencyId: string;
  unit: string;
  certificateNo: string | null;
  passwordHash: string;
}

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
      select: { id: true, displayName: true, role: true, agencyId: true, active: true, tokenVersion: true },
    });
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.users.update({ id }, { passwordHash });
  }

  /** Moves the token version on: every token issued before stops working. */
  async endSessions(id: string): Promise<void> {
    await this.users.increment({ id }, 'tokenVersion', 1);
  }

  /** Creates the users whose username is free; existing ones are left as they are. */
  async addIfAbsent(users: NewUser[]): Promise<void> {
    for (const u of users) {
      await this.db.query(
        `INSERT INTO users (username, display_name, role, agency_id, unit, certificate_no, password_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (username) DO NOTHING`,
        [u.username, u.displayName, u.role, u.agencyId, u.unit, u.certificateNo, u.passwordHash],
      );
    }
  }
}
