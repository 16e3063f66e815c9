import { AGENCY, Bench, EMERGENCY_FORM, OFFICER } from '../lib/context';
import { inParallel, sleep } from '../lib/load';
import { Summary, summarize } from '../lib/stats';
import { DueViewTiming, dueView } from './due-view';

export interface DeadlineLag {
  deadlines: number;
  /** The minute they fell due in. */
  window: { from: string; to: string };
  /** Due time → the escalation seen committed by the bench (polling every 100 ms). */
  recorded: Summary;
  /** Due time → the instant the workflow woke and stamped the escalation (`escalated_at`). */
  woke: Summary;
  /** Deadlines whose audiovisual record was still being posted when they fell due (left out). */
  postedLate: number;
  missing: number;
  /** The supervisor's default view (what is overdue) once they were all recorded. */
  dueView: DueViewTiming;
}

const POLL_MS = 100;
const HOUR = 3600_000;

/**
 * 5. Deadline lag. The upload of an audiovisual record is due 24 hours after it was made
 * (000 第二十三条); a record made 24 hours ago less a few minutes falls due in a few minutes. The
 * bench posts one such record on each of `n` emergency cases, their due times spread evenly over
 * one minute, and watches the escalations table: how long after its due time each escalation is
 * recorded. The other timers (the open cases' back-reports) keep running meanwhile.
 */
export async function deadlineLag(b: Bench, postsPerSecond: number): Promise<DeadlineLag> {
  const n = b.sizes.deadlines;
  b.progress.section(`5/6 deadline lag: ${n} audiovisual uploads due within one minute`);
  const cases = await emergencyCases(b, n);
  // Post them all well before the first falls due: the estimated posting time, doubled, plus 20 s.
  const lead = Math.ceil((2 * n) / Math.max(postsPerSecond, 1)) * 1000 + 20_000;
  const from = Math.ceil((Date.now() + lead) / 60_000) * 60_000; // the next whole minute after the lead
  const dueOf = (i: number) => from + Math.floor((i * 60_000) / n);
  b.progress.done(`due between ${new Date(from).toISOString()} and ${new Date(dueOf(n - 1)).toISOString()}`);

  const postedAt = new Map<string, number>(); // upload task id → when its record was answered
  const dueAt = new Map<string, number>();
  await inParallel(
    cases,
    16,
    async (caseId, i) => {
      const due = dueOf(i);
      const r = await b.api.call('POST', `/api/v1/cases/${caseId}/av-records`, OFFICER, {
        title: '现场检查录像',
        recordedAt: new Date(due - 24 * HOUR).toISOString(),
        method: 'video',
        usedAsEvidence: false,
        metadata: {},
      });
      if (Date.parse(r.upload.dueAt) !== due) throw new Error(`upload due ${r.upload.dueAt}, expected ${new Date(due).toISOString()}`);
      postedAt.set(r.upload.taskId, Date.now());
      dueAt.set(r.upload.taskId, due);
    },
    (d) => b.progress.update(`  posting audiovisual records: ${d}/${n}; first due in ${Math.round((from - Date.now()) / 1000)} s`),
  );

  const seen = new Map<string, { at: number; woke: number }>();
  const give = dueOf(n - 1) + 120_000;
  while (seen.size < n && Date.now() < give) {
    const { rows } = await b.db.query(`SELECT task_id, escalated_at FROM escalations WHERE kind = 'av_upload_overdue' AND agency_id = $1`, [
      AGENCY,
    ]);
    const now = Date.now();
    for (const r of rows) if (!seen.has(r.task_id)) seen.set(r.task_id, { at: now, woke: r.escalated_at.getTime() });
    const wait = from - now;
    b.progress.update(wait > 0 ? `  first deadline in ${Math.ceil(wait / 1000)} s` : `  escalations recorded: ${seen.size}/${n}`);
    await sleep(POLL_MS);
  }

  const recorded: number[] = [];
  const woke: number[] = [];
  let postedLate = 0;
  for (const [task, due] of dueAt) {
    if (postedAt.get(task)! > due - 1000) {
      postedLate++;
      continue;
    }
    const s = seen.get(task);
    if (!s) continue;
    recorded.push(s.at - due);
    woke.push(s.woke - due);
  }
  const result: DeadlineLag = {
    deadlines: n,
    window: { from: new Date(from).toISOString(), to: new Date(dueOf(n - 1)).toISOString() },
    recorded: summarize(recorded, 60),
    woke: summarize(woke, 60),
    postedLate,
    missing: [...dueAt.keys()].filter((t) => !seen.has(t)).length,
    dueView: await dueView(b),
  };
  b.progress.done(
    `lag after the due time: recorded p50 ${result.recorded.p50} / p99 ${result.recorded.p99} ms (workflow woke p50 ${result.woke.p50} / p99 ${result.woke.p99} ms)` +
      `${result.missing ? `, ${result.missing} never escalated` : ''}${postedLate ? `, ${postedLate} posted too late (left out)` : ''}`,
  );
  return result;
}

/** Emergency cases to hang the uploads on: scenario 4's, or new ones when it did not run. */
async function emergencyCases(b: Bench, n: number): Promise<string[]> {
  const query = () =>
    b.db.query(`SELECT id FROM cases WHERE agency_id = $1 AND status = 'emergency_started' ORDER BY started_at LIMIT $2`, [AGENCY, n]);
  let rows = (await query()).rows;
  if (rows.length < n) {
    const missing = Array.from({ length: n - rows.length });
    await inParallel(
      missing,
      16,
      () => b.api.call('POST', '/api/v1/cases', OFFICER, EMERGENCY_FORM),
      (d) => b.progress.update(`  emergency starts: ${d}/${missing.length}`),
    );
    rows = (await query()).rows;
  }
  return rows.map((r) => r.id);
}
