import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UserEntity } from '#libs/persistence/entities/user.entity';

/** How long a user's row is trusted without reading it again: a disabled account stops within this. */
export const SESSION_CACHE_MS = 2_000;

export type SessionUser = Pick<UserEntity, 'id' | 'displayName' | 'role' | 'agencyId' | 'active' | 'tokenVersion'>;

/**
 * The user behind a token, as the database has it now: a token is honoured only while
 * its user exists, is active and still has the token's version. The row is cached a few seconds per
 * user so a busy client costs one query per user every SESSION_CACHE_MS, not one per request.
 */
@Injectable()
export class Sessions {
  private readonly cache = new Map<string, { user: SessionUser | null; until: number }>();

  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  async user(id: string): Promise<SessionUser | null> {
    const hit = this.cache.get(id);
    if (hit && hit.until > Date.now()) return hit.user;
    const user = await this.users.findOne({
      where: { id },
      select: { id: true, displayName: true, role: true, agencyId: true, active: true, tokenVersion: true },
    });
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(id, { user, until: Date.now() + SESSION_CACHE_MS });
    return user;
  }

  /** Ends every token of the user (logout, password change): the version moves on. */
  async end(id: string): Promise<void> {
    await this.users.increment({ id }, 'tokenVersion', 1);
    this.cache.delete(id);
  }
}
