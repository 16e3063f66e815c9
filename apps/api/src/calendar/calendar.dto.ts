import { registerDecorator } from 'class-validator';
import { parseStart } from '#libs/calendar/dates';
import { PERIOD_UNITS, PeriodUnit, parsePause } from '#libs/calendar/period';
import {
  DateField,
  DateListField,
  EnumField,
  InCaseYears,
  IntField,
  NestedField,
  NestedListField,
  QueryListField,
  TextField,
} from '../common/fields';

function IsPeriodStart(): PropertyDecorator {
  return (target: object, property: string | symbol) =>
    registerDecorator({
      name: 'isPeriodStart',
      target: target.constructor,
      propertyName: String(property),
      validator: {
        validate: (v: unknown) => {
          try {
            return typeof v === 'string' && !!parseStart(v);
          } catch {
            return false;
          }
        },
      },
    });
}

function IsPause(): PropertyDecorator {
  return (target: object, property: string | symbol) =>
    registerDecorator({
      name: 'isPause',
      target: target.constructor,
      propertyName: String(property),
      options: { each: true },
      validator: {
        validate: (v: unknown) => {
          try {
            return typeof v === 'string' && !!parsePause(v);
          } catch {
            return false;
          }
        },
      },
    });
}

export class DueQuery {
  /** A China date (the period starts that day) or an instant with its time zone. */
  @TextField('起算时间', 40) @IsPeriodStart() @InCaseYears() from: string;
  @IntField('期间数量', 1, 36500) amount: number;
  @EnumField('期间单位', PERIOD_UNITS) unit: PeriodUnit;
  /** Stops of the clock, FROM/TO each (a date FROM is 00:00 of that day, a date TO is 24:00); repeatable; FROM/ is open. */
  @QueryListField('中止期间', 20, IsPause()) @InCaseYears(true) pause?: string[];
}

export class ScheduleSourceDto {
  @TextField('通知标题', 200) title: string;
  @TextField('文号', 100) documentNumber: string;
  @DateField('发布日期') issuedOn: string;
  @TextField('说明', 500, { optional: true }) note?: string;
}

export class HolidayDto {
  @TextField('节日名称', 50) name: string;
  @DateListField('放假日期', 31) days: string[];
}

/** 国务院办公厅关于某年部分节假日安排的通知, as an administrator enters it. */
export class YearScheduleDto {
  @IntField('年度', 2000, 2100) year: number;
  @NestedField('通知出处', () => ScheduleSourceDto) source: ScheduleSourceDto;
  @NestedListField('放假安排', () => HolidayDto, 1, 20) holidays: HolidayDto[];
  @DateListField('调休上班日', 20) makeupWorkdays: string[];
}
