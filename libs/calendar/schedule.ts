import { addDays, isChinaDate, isWeekend, yearOf } from './dates';

/**
 * One year's public holidays as the State Council announces them (国务院办公厅关于部分节假日安排的通知).
 * It is data an administrator loads each winter, not code: the next year's schedule is published
 * late in the year, and a deadline reaching into an unannounced year must say it is an estimate.
 */
export interface YearSchedule {
  year: number;
  source: { title: string; documentNumber: string; issuedOn: string; note?: string };
  /** Every day of each 放假 block as announced, weekends inside the block included. */
  holidays: { name: string; days: string[] }[];
  /** 调休上班: weekend days that are working days. */
  makeupWorkdays: string[];
}

export type ScheduleIssueCode =
  | 'SHAPE_INVALID'
  | 'YEAR_INVALID'
  | 'SOURCE_MISSING'
  | 'DATE_INVALID'
  | 'DATE_OUTSIDE_YEAR'
  | 'DATE_DUPLICATE'
  | 'MAKEUP_NOT_WEEKEND'
  | 'HOLIDAY_EMPTY'
  | 'HOLIDAY_NOT_CONTIGUOUS'
  | 'HOLIDAY_MISSING';

export interface ScheduleIssue {
  /** Where in the schedule, e.g. 'holidays[1].days[3]'. */
  path: string;
  code: ScheduleIssueCode;
  message: string;
}

/**
 * The seven statutory festivals (全国年节及纪念日放假办法 第二条). A block may cover two of them
 * (2025: "国庆节、中秋节"), so a festival is covered when some block's name contains it.
 */
export const REQUIRED_FESTIVALS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function nonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.trim().length > 0;
}

/**
 * Every problem in a schedule, empty when it can be used. Accepts anything, because schedules
 * arrive as admin-edited data; messages are Chinese for the administrator, codes are stable.
 *
 * Every date must lie in the schedule's own year: a day is classified by its own year's
 * schedule. A block announced across New Year (e.g. 元旦 2023 began on 2022-12-31) therefore
 * records its December days in the previous year's schedule (a new version of that year).
 */
export function validateSchedule(s: unknown): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  const add = (path: string, code: ScheduleIssueCode, message: string) => issues.push({ path, code, message });

  if (!isRecord(s)) {
    add('', 'SHAPE_INVALID', '节假日安排须为对象');
    return issues;
  }
  const year = s.year;
  const yearOk = typeof year === 'number' && Number.isInteger(year) && year >= 1991 && year <= 9999;
  if (!yearOk) add('year', 'YEAR_INVALID', `年份无效：${String(year)}（须为 1991 年以后的整数年份）`);

  checkSource(s.source, add);

  // Every date seen anywhere, with the path where it first appeared.
  const seen = new Map<string, string>();
  const checkDate = (value: unknown, path: string): value is string => {
    if (!isChinaDate(value)) {
      add(path, 'DATE_INVALID', `日期无效：${String(value)}（须为 YYYY-MM-DD 格式的真实日期）`);
      return false;
    }
    if (yearOk && yearOf(value) !== year) {
      add(path, 'DATE_OUTSIDE_YEAR', `日期 ${value} 不在 ${year} 年内`);
    }
    const first = seen.get(value);
    if (first !== undefined) {
      add(path, 'DATE_DUPLICATE', `日期 ${value} 重复出现（首次出现于 ${first}）`);
    } else {
      seen.set(value, path);
    }
    return true;
  };

  const names: string[] = [];
  if (!Array.isArray(s.holidays)) {
    add('holidays', 'SHAPE_INVALID', '放假安排（holidays）须为数组');
  } else {
    s.holidays.forEach((h: unknown, i: number) => {
      const path = `holidays[${i}]`;
      if (!isRecord(h)) return add(path, 'SHAPE_INVALID', '每项放假安排须为对象');
      if (nonEmptyString(h.name)) names.push(h.name);
      else add(`${path}.name`, 'SHAPE_INVALID', '放假安排须写明节日名称');
      if (!Array.isArray(h.days)) return add(`${path}.days`, 'SHAPE_INVALID', '放假日期（days）须为数组');
      if (h.days.length === 0) {
        return add(`${path}.days`, 'HOLIDAY_EMPTY', `节日“${String(h.name)}”未列出任何放假日期`);
      }
      const valid = h.days.filter((d: unknown, j: number) => checkDate(d, `${path}.days[${j}]`));
      checkContiguous(valid, `${path}.days`, String(h.name), add);
    });
  }

  if (!Array.isArray(s.makeupWorkdays)) {
    add('makeupWorkdays', 'SHAPE_INVALID', '调休上班日（makeupWorkdays）须为数组');
  } else {
    s.makeupWorkdays.forEach((d: unknown, j: number) => {
      const path = `makeupWorkdays[${j}]`;
      // Only a Saturday or Sunday can be "made up": a weekday is a working day already.
      if (checkDate(d, path) && !isWeekend(d)) {
        add(path, 'MAKEUP_NOT_WEEKEND', `调休上班日 ${d} 不是星期六或星期日`);
      }
    });
  }

  if (Array.isArray(s.holidays)) {
    for (const festival of REQUIRED_FESTIVALS) {
      if (!names.some((n) => n.includes(festival))) {
        add('holidays', 'HOLIDAY_MISSING', `缺少法定节日“${festival}”的放假安排`);
      }
    }
  }
  return issues;
}

function checkSource(source: unknown, add: (path: string, code: ScheduleIssueCode, message: string) => void): void {
  if (!isRecord(source)) {
    add('source', 'SOURCE_MISSING', '须注明发布文件（标题、文号、发布日期）');
    return;
  }
  if (!nonEmptyString(source.title)) add('source.title', 'SOURCE_MISSING', '须注明发布文件标题');
  if (!nonEmptyString(source.documentNumber)) {
    add('source.documentNumber', 'SOURCE_MISSING', '须注明发布文件文号');
  }
  if (!isChinaDate(source.issuedOn)) {
    add('source.issuedOn', 'SOURCE_MISSING', '须注明发布日期（YYYY-MM-DD）');
  }
  if (source.note !== undefined && typeof source.note !== 'string') {
    add('source.note', 'SHAPE_INVALID', '备注须为文字');
  }
}

/** A 放假 block is one unbroken run of days; a gap is almost always a typing error. */
function checkContiguous(
  days: string[],
  path: string,
  name: string,
  add: (path: string, code: ScheduleIssueCode, message: string) => void,
): void {
  const sorted = [...new Set(days)].sort();
  for (let i = 1; i < sorted.length; i++) {
    if (addDays(sorted[i - 1], 1) !== sorted[i]) {
      add(path, 'HOLIDAY_NOT_CONTIGUOUS', `节日“${name}”的放假日期不连续：${sorted[i - 1]} 与 ${sorted[i]} 之间有间隔`);
      return;
    }
  }
}
