import { DueTime } from '#libs/domain/deadlines';
import { YearSchedule } from '#libs/calendar/schedule';

// Helpers of test/workflow/estimates-everywhere.test.ts and estimates-court-window.test.ts: every deadline
// shown says whether it is an estimate.

const festivals = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];
/** A fictional year's schedule: the seven festivals, on the days given or one day each. */
export const schedule = (year: number, holidays: string[][]): YearSchedule => ({
  year,
  source: { title: `测试用${year}年节假日安排`, documentNumber: `测试〔${year - 1}〕9号`, issuedOn: `${year - 1}-11-01` },
  holidays: festivals.map((name, i) => ({ name, days: holidays[i] ?? [`${year}-0${i + 2}-10`] })),
  makeupWorkdays: [],
});

/** The probe's last answer once `done` holds or 20 s passed: the assertions that follow then name what is missing. */
export async function settled<T>(probe: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  const end = Date.now() + 20_000;
  for (;;) {
    const v = await probe();
    if (done(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A view's own due times (any field named like one) are either flagged in place (an attempt:
 * `complete`, `missingYears` beside its `dueAt`) or listed under `deadlines`: a due time added to
 * a view without its flag fails here.
 */
export function expectEveryDueFlagged(view: { deadlines?: Record<string, DueTime> }): void {
  const listed = new Set(Object.values(view.deadlines ?? {}).map((d) => d.dueAt));
  const walk = (node: unknown, path: string): void => {
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    for (const [k, v] of Object.entries(o)) {
      if (k === 'deadlines') continue;
      if (['dueAt', 'endsAt', 'latest', 'earliest', 'mustServeBy', 'remediesEndedAt'].includes(k) && typeof v === 'string') {
        const flagged = typeof o.complete === 'boolean' && Array.isArray(o.missingYears);
        if (!flagged && !listed.has(v)) throw new Error(`${path}.${k} = ${v} is shown without complete/missingYears`);
      }
      walk(v, `${path}.${k}`);
    }
  };
  walk(view, 'view');
}
