import { Injectable } from '@nestjs/common';
import { Actor } from '#libs/domain/roles';
import { CaseRecordRepository } from '#libs/persistence/repositories/case-record.repository';
import { CasesRepository } from '#libs/persistence/repositories/cases.repository';
import { RecordHeadsResponse } from './record-heads.response';

/** The record's day heads (每日链头) checked over every case chain. */
@Injectable()
export class RecordHeadsService {
  constructor(
    private readonly record: CaseRecordRepository,
    private readonly cases: CasesRepository,
  ) {}

  /**
   * Reads the case chains of every agency (the day heads span them all): from the last intact
   * verification on, or all of them when `full` (or before any). The case named in a broken day is
   * shown to the administrator and to the case's own agency; others see the day and the reason.
   */
  async verify(actor: Actor, full = false): Promise<RecordHeadsResponse> {
    const { cases, days, unsealed, from, entriesRead, full: wasFull } = await this.record.verifySince({ full, by: actor.id });
    let firstBroken = days.firstBroken;
    if (firstBroken?.caseId && actor.role !== 'admin' && !(await this.cases.belongsTo(firstBroken.caseId, actor.agencyId))) {
      firstBroken = { day: firstBroken.day, reason: firstBroken.reason };
    }
    const casesBroken = cases.filter((c) => c.firstBroken).length;
    return {
      intact: !firstBroken && !casesBroken,
      days: days.days,
      last: days.last,
      firstBroken,
      cases: cases.length,
      casesBroken,
      unsealed,
      full: wasFull,
      from: from && { day: from.day, verifiedAt: from.at.toISOString() },
      entriesRead,
    };
  }
}
