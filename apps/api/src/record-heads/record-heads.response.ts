import { Bool, Day, Instant, Int, Nested, Text, Uuid } from '../common/responses';

export class LastDayResponse {
  @Day() day: string;
  @Text({ description: '当日链头的 SM3 值' }) hash: string;
}

/** The first day whose head does not hold; the case only for the administrator and the case's own agency. */
export class DayBreakResponse {
  @Day() day: string;
  @Text() reason: string;
  @Uuid({ optional: true, description: '涉及的案件（仅管理员和本机关可见）' }) caseId?: string;
  @Int({ optional: true, description: '涉及的记录顺序号（仅管理员和本机关可见）' }) seq?: number;
}

/** The checkpoint an incremental verification started from. */
export class VerifiedFromResponse {
  @Day({ nullable: true, description: '上次核验到的每日链头（为空：当时尚无链头）' }) day: string | null;
  @Instant({ description: '上次核验的时间' }) verifiedAt: string;
}

export class RecordHeadsResponse {
  @Bool({ description: '每日链头和各案件记录链均完整' }) intact: boolean;
  @Int({ description: '已封存的天数' }) days: number;
  @Nested(() => LastDayResponse, { nullable: true }) last: LastDayResponse | null;
  @Nested(() => DayBreakResponse, { nullable: true }) firstBroken: DayBreakResponse | null;
  @Bool({ description: '为 true 时为全部核验；否则从上次完整无误的核验处接续核验' }) full: boolean;
  @Nested(() => VerifiedFromResponse, { nullable: true }) from: VerifiedFromResponse | null;
  @Int({ description: '本次读取的记录条数' }) entriesRead: number;
  @Int({ description: '核验的案件数（接续核验时为其后有新记录或新链头的案件）' }) cases: number;
  @Int({ description: '记录链断裂的案件数' }) casesBroken: number;
  @Int({ description: '尚未封存的记录条数' }) unsealed: number;
}
