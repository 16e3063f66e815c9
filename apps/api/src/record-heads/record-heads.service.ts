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
   * Reads every case chain of every agency (the day heads span them all). The case named in a broken
   * day is shown to the administrator and to the case's own agency; others see the day and the reason.
   */
  async verify(actor: Actor): Promise<RecordHeadsResponse> {
    const { cases, days, unsealed } = await this.record.verify();
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
    };
  }
}
