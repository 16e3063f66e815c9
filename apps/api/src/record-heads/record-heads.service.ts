import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '#libs/domain/roles';
import { verifyRecordStore } from '#libs/persistence/day-heads-store';

/** The record's day heads (每日链头) checked over every case chain. */
@Injectable()
export class RecordHeadsService {
  constructor(private readonly db: DataSource) {}

  /**
   * Reads every case chain of every agency (the day heads span them all). The case named in a broken
   * day is shown to the administrator and to the case's own agency; others see the day and the reason.
   */
  async verify(actor: Actor) {
    const { cases, days, unsealed } = await verifyRecordStore(this.db);
    let firstBroken = days.firstBroken;
    if (firstBroken?.caseId && actor.role !== 'admin') {
      const [own] = await this.db.query('SELECT 1 FROM cases WHERE id = $1 AND agency_id = $2', [firstBroken.caseId, actor.agencyId]);
      if (!own) firstBroken = { day: firstBroken.day, reason: firstBroken.reason };
    }
    const casesBroken = cases.filter((c) => c.firstBroken).length;
    return { intact: !firstBroken && !casesBroken, days: days.days, last: days.last, firstBroken, cases: cases.length, casesBroken, unsealed };
  }
}
