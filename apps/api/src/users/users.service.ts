import { Injectable } from '@nestjs/common';
import { Actor } from '#libs/domain/roles';
import { UsersRepository } from '#libs/persistence/repositories/users.repository';
import { Page, pageOf, skipOf } from '../common/paging';
import { DirectoryQuery } from './users.dto';
import { ColleagueResponse, mapColleague } from './users.response';

@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  /** The caller's own agency only, as every read of lawtrail ("Who may act"); active accounts only. */
  async directory(actor: Actor, q: DirectoryQuery): Promise<Page<ColleagueResponse>> {
    const [rows, total] = await this.users.directory(actor.agencyId, q, skipOf(q), q.pageSize);
    return pageOf(rows.map(mapColleague), total, q);
  }
}
