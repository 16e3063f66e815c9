import { InvalidDateError, addDays, chinaDayStart, isChinaDate, parseStart } from './dates';
import type { Pause } from './period-types';

/**
 * Total paused time that stops this period's clock. Overlapping pauses are merged (time is
 * stopped once, not twice); time before counting begins does not count. Pauses are taken in order
 * against the running end: one that begins after the period has already run out cannot revive it.
 * An open pause that begins before the running end stops the clock: no due until it closes.
 */
export function applyPauses(countingFromMs: number, endMs: number, pauses: Pause[]): { ms: number; open: boolean } {
  const spans = pauses
    .map((p) => {
      const from = parseStart(p.from).getTime();
      const to = p.to === undefined ? Infinity : pauseEnd(p.to);
      if (to < from) throw new RangeError(`中止结束时间早于开始时间：${p.from} — ${p.to}`);
      return { from: Math.max(from, countingFromMs), to };
    })
    .filter((s) => s.to > s.from)
    .sort((a, b) => a.from - b.from);

  const merged: { from: number; to: number }[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else merged.push({ ...s });
  }

  let ms = 0;
  for (const s of merged) {
    if (s.from >= endMs + ms) break;
    if (s.to === Infinity) return { ms, open: true };
    ms += s.to - s.from;
  }
  return { ms, open: false };
}

/**
 * A pause written "FROM/TO" (the CLI's --pause, the API's pause=): each side a China date or an
 * ISO instant; "FROM/" is open. Throws InvalidDateError naming what is wrong.
 */
export function parsePause(text: string): Pause {
  const parts = text.split('/');
  if (parts.length !== 2 || parts[0] === '') throw new InvalidDateError(text, '中止期间须写作 起/止，止可省略表示尚未结束');
  const [from, to] = parts;
  parseStart(from);
  if (to === '') return { from };
  if (pauseEnd(to) < parseStart(from).getTime()) throw new InvalidDateError(text, '中止结束早于开始');
  return { from, to };
}

/** A pause's end: an instant as given; a China date means the end of that day (24:00), the day included. */
export function pauseEnd(to: string): number {
  return isChinaDate(to) ? chinaDayStart(addDays(to, 1)).getTime() : parseStart(to).getTime();
}
