import { PERIOD_UNITS } from '#libs/calendar/period';
import { PageOf } from '../common/paging';
import { Bool, Day, Instant, Int, Ints, Nested, NestedList, OneOf, Text, Texts, Uuid } from '../common/responses';

export class PeriodResponse {
  @Int() amount: number;
  @OneOf(PERIOD_UNITS) unit: string;
}

export class PausedResponse {
  @Int({ description: '中止的毫秒数' }) ms: number;
  @Bool({ description: '中止尚未结束（届满时间未定）' }) open: boolean;
}

export class SkippedDayResponse {
  @Day() date: string;
  @OneOf(['rest_day', 'holiday']) kind: string;
  @Text({ optional: true, description: '节日名称（法定节假日时）' }) holiday?: string;
}

/** When a period ends, and the rules applied on the way. */
export class CalendarDueResponse {
  @Instant({ description: '起算时间' }) start: string;
  @Day({ optional: true, description: '起算日（按日、工作日、月计算时；不计入期间）' }) startDay?: string;
  @Nested(() => PeriodResponse) period: PeriodResponse;
  @Instant({ nullable: true, description: '届满时间（中止尚未结束时为空）' }) due: string | null;
  @Day({ optional: true, description: '期间最后一日（按日、工作日、月计算时）' }) lastDay?: string;
  @Bool({ description: '为 false 时按周末估算（所涉年度的节假日安排尚未公布）' }) complete: boolean;
  @Ints({ description: '未公布节假日安排的年度' }) missingYears: number[];
  @Nested(() => PausedResponse) paused: PausedResponse;
  @NestedList(() => SkippedDayResponse) skipped: SkippedDayResponse[];
  @Day({ optional: true, description: '顺延前的最后一日（顺延时）' }) rolledFrom?: string;
  @Texts({ description: '适用的计算规则' }) basis: string[];
  @Ints({ description: '已有节假日安排的年度' }) calendarYears: number[];
}

export class ScheduleSourceResponse {
  @Text() title: string;
  @Text() documentNumber: string;
  @Day() issuedOn: string;
  @Text({ optional: true }) note?: string;
}

export class HolidayResponse {
  @Text() name: string;
  @Texts({ description: '放假日期（YYYY-MM-DD）' }) days: string[];
}

export class YearScheduleResponse {
  @Int() year: number;
  @Nested(() => ScheduleSourceResponse) source: ScheduleSourceResponse;
  @NestedList(() => HolidayResponse) holidays: HolidayResponse[];
  @Texts({ description: '调休上班日（YYYY-MM-DD）' }) makeupWorkdays: string[];
}

/** The version of a year in force: 0 the one shipped with lawtrail, loaded ones from 1. */
export class YearInForceResponse {
  @Int() year: number;
  @Int() version: number;
  @Uuid({ nullable: true }) loadedBy: string | null;
  @Instant({ nullable: true }) loadedAt: string | null;
  @Nested(() => ScheduleSourceResponse) source: ScheduleSourceResponse;
}

export class YearInForcePage extends PageOf(YearInForceResponse) {}

export class YearVersionResponse {
  @Int() year: number;
  @Int() version: number;
  @Nested(() => YearScheduleResponse) schedule: YearScheduleResponse;
  @Uuid({ nullable: true }) loadedBy: string | null;
  @Instant({ nullable: true }) loadedAt: string | null;
}

export class YearLoadedResponse {
  @Int() year: number;
  @Int() version: number;
  @Int({ description: '已通知重新计算期限的流程数' }) rearmedWorkflows: number;
}
