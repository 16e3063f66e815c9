/** Every date the workbench shows is China time (Asia/Shanghai, UTC+8, no daylight saving). */
const CHINA = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `2026-03-05 14:30` in China time. */
export function chinaTime(iso: string): string {
  const p = Object.fromEntries(CHINA.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** A due time as a task shows it: how long is left, or how long it is late. */
export interface Countdown {
  overdue: boolean;
  /** `剩余 2天3小时`, `剩余 45分钟`, `逾期 1天2小时`. */
  label: string;
}

const MINUTE = 60_000;

function span(ms: number): string {
  const minutes = Math.floor(ms / MINUTE);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days) return hours ? `${days}天${hours}小时` : `${days}天`;
  if (hours) return `${hours}小时${minutes % 60 ? `${minutes % 60}分钟` : ''}`;
  return `${Math.max(minutes, 1)}分钟`;
}

/** The countdown to `dueAt` at `now`; at the due instant itself the task is not yet late. */
export function countdown(dueAt: string, now: Date): Countdown {
  const left = Date.parse(dueAt) - now.getTime();
  return left >= 0 ? { overdue: false, label: `剩余 ${span(left)}` } : { overdue: true, label: `逾期 ${span(-left)}` };
}

/** A China wall-clock time as the pickers give it (`2026-03-05 14:30`) as an instant the API takes. */
export function chinaInstant(wallClock: string): string {
  return `${wallClock.replace(' ', 'T')}:00+08:00`;
}

/**
 * A picked time for an event happening now: the picker's minute is the current one, so the instant
 * itself is sent — the minute's start would fall before what the same minute recorded earlier (a
 * 送达 started "02:12" would precede the 告知书 made at 02:12:34 and be refused).
 */
export function pickedInstant(wallClock: string, now = new Date()): string {
  if (!wallClock) return '';
  return wallClock === chinaTime(now.toISOString()) ? now.toISOString() : chinaInstant(wallClock);
}
