import { Injectable } from '@nestjs/common';
import { chinaDate } from '#libs/calendar/dates';
import { daysLeft, expiryWindow } from '#libs/domain/certificates';
import { Actor } from '#libs/domain/roles';
import { UsersRepository } from '#libs/persistence/repositories/users.repository';
import { pageOf, skipOf } from '../common/paging';
import { ExpiringCertificatesQuery } from './supervision.dto';
import { ExpiringCertificatePage } from './supervision.response';

/** Certificates to renew: an officer whose certificate ends may no longer investigate (行政处罚法 42). */
@Injectable()
export class ExpiringCertificatesService {
  constructor(private readonly users: UsersRepository) {}

  /** The caller's agency's certificates ending from today to today + withinDays (China dates), the soonest first. */
  async list(actor: Actor, q: ExpiringCertificatesQuery): Promise<ExpiringCertificatePage> {
    const today = chinaDate(new Date());
    const { from, to } = expiryWindow(today, q.withinDays);
    const [rows, total] = await this.users.expiringCertificates(actor.agencyId, from, to, skipOf(q), q.pageSize);
    const items = rows.map((u) => ({
      userId: u.id,
      displayName: u.displayName,
      role: u.role,
      unit: u.unit,
      certificateNo: u.certificateNo!,
      issuer: u.certificateIssuer,
      validFrom: u.certificateValidFrom,
      validTo: u.certificateValidTo!,
      daysLeft: daysLeft(today, u.certificateValidTo!),
    }));
    return pageOf(items, total, q);
  }
}
