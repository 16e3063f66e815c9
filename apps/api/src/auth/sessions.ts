import { Injectable } from '@nestjs/common';
import { SessionUser, UsersRepository } from '#libs/persistence/repositories/users.repository';

/** How long a user's row is trusted without reading it again: a disabled account stops within this. */
export const SESSION_CACHE_MS = 2_000;

export type { SessionUser };

/**
 * The user behind a token, as the database has it now: a token is honoured only while
 * its user exists, is active and still has the token's version. The row is cached a few seconds per
 * user so a busy client costs one query per user every SESSION_CACHE_MS, not one per request.
 */
@Injectable()
export class Sessions {
  private readonly cache = new Map<string, { user: SessionUser | null; until: number }>();

  constructor(private readonly users: UsersRepository) {}

  async user(id: string): Promise<SessionUser | null> {
    const hit = this.cache.get(id);
    if (hit && hit.until > Date.now()) return hit.user;
    const user = await this.users.sessionUser(id);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(id, { user, until: Date.now() + SESSION_CACHE_MS });
    return user;
  }

  /** Ends every token of the user (logout, password change): the version moves on. */
  async end(id: string): Promise<void> {
    await this.users.endSessions(id);
    this.forget(id);
  }

  /**
   * The user's row changed here (disabled, role or unit changed, password reset): read it again on the
   * next request, not after the cache's few seconds.
   */
  forget(id: string): void {
    this.cache.delete(id);
  }
}
