import { DEADLINE_KINDS } from '#libs/domain/deadlines';
import { calendarUpdatedSignal } from '#libs/messages/calendar';
import { workflowsToRearm } from '#libs/persistence/estimated-deadlines';
import { chinaTime } from '#workflows/tasks/deadline-text';
import { eventually } from '../support/database';
import { Staff, dueList, estimatesStaff, recordHistories, shown, startCases } from '../support/estimate-cases';
import { schedule, settled } from '../support/estimates';
import { TimeSkipping, startTimeSkipping } from '../support/time-skipping';

// Estimates everywhere: every deadline the system shows says whether it is certain. A
// period reaching a year whose holiday schedule is not published is counted on weekends only
// (民法典 203 rolls a last day that is a rest day or holiday; which days are holidays that year is
// not yet known): `complete: false`, `missingYears`. Loading the year computes every one of them
// again: the timer moves, the view shows the new due time, and the record says old and new.
//
// The table lists every kind of deadline; the test fails when the system shows a kind not in it
// (a new deadline must be added here, and so checked for the flag). Fictional years far ahead of
// any real clock: 2031 published, 2032 not; the server's clock is moved to 2031-12-29 first.

/** Every kind of deadline, where it is shown. */
const TABLE: Record<string, string> = {
  'task:archive_file': 'tasks (the archive task: any task due)',
  decision: 'case_deadlines, GET /cases/{id}/deadlines',
  measure_end: 'coercive_measures, GET /cases/{id}/measures',
  service_attempt: 'services.view.deadlines, GET /cases/{id}/services',
  deemed_service: 'services.view.deadlines',
  must_serve_by: 'services.view.deadlines, the due list',
  payment: 'executions.view.deadlines, GET /cases/{id}/execution, the due list',
  review: 'executions.view.deadlines',
  lawsuit: 'executions.view.deadlines',
  court_window: 'executions.view.deadlines, the due list',
  court_earliest: 'executions.view.deadlines once the 催告书 is served (estimates-court-window.test.ts: it needs the remedy periods over)',
  statement: 'the pre-decision notice (GET /cases/{id}/pre-decision-notice)',
  hearing_request: 'the pre-decision notice',
};

/** Kinds reached only in estimates-court-window.test.ts, on a later timeline. */
const LATER = ['court_earliest'];

let ts: TimeSkipping;
const db = () => ts.database.db;
let hy: Staff;

beforeAll(async () => {
  ts = await startTimeSkipping('estimates-tests');
  hy = await estimatesStaff(ts);
});
afterAll(async () => {
  await ts?.stop();
});

it('every kind of deadline is flagged as an estimate when it reaches an unpublished year, and re-armed and recorded when the year is loaded', async () => {
  expect(Object.keys(DEADLINE_KINDS).filter((k) => !(k in TABLE))).toEqual([]); // a new kind needs its row here
  const cases = await startCases(ts, hy);
  const { caseIds } = cases;

  // Before: every kind shown, every one an estimate waiting for 2032.
  const first = Object.keys(TABLE).filter((k) => !LATER.includes(k));
  const before = await settled(
    () => shown(ts, cases),
    (s) => first.every((k) => s.some((x) => x.kind === k)),
  );
  expect(first.filter((k) => !before.some((x) => x.kind === k))).toEqual([]); // each kind listed is shown somewhere
  expect(before.filter((x) => !(x.kind in TABLE)).map((x) => `${x.where}: ${x.kind}`)).toEqual([]);
  for (const x of before)
    expect({ kind: x.kind, complete: x.due.complete, missingYears: x.due.missingYears }).toEqual({
      kind: x.kind,
      complete: false,
      missingYears: [2032],
    });

  // The supervisor's due list and its CSV say so too.
  const onList = await dueList(ts, hy.chief, caseIds);
  expect(onList.items.map((i) => i.kind).sort()).toEqual([...onList.kinds].sort());
  for (const i of onList.items)
    expect({ kind: i.kind, complete: i.complete, missingYears: i.missingYears }).toEqual({
      kind: i.kind,
      complete: false,
      missingYears: [2032],
    });
  expect(onList.csv.filter((l) => l.endsWith(',是（按周末估算）,2032'))).toHaveLength(onList.items.length);

  // The record lines that announce them say so too.
  const announced: { action: string; summary: string; details: unknown }[] = await db().query(
    `SELECT action, summary, details FROM case_records WHERE case_id = ANY($1)
        AND action IN ('deadline_set', 'execution_started', 'service_started', 'service_attempted', 'measure_taken', 'notice_served')
        AND (action <> 'service_started' OR details ? 'deadlines')`,
    [caseIds],
  );
  expect(announced.map((r) => r.action).sort()).toEqual([
    'deadline_set',
    'execution_started',
    'measure_taken',
    'notice_served',
    'service_attempted',
    'service_attempted',
    'service_attempted',
    'service_started',
  ]);
  for (const r of announced) {
    expect(r.summary).toContain('（估算）');
    expect(JSON.stringify(r.details)).toContain('"complete":false');
  }

  // 2032 published: New Year 01-01..03, and every estimated last day made a holiday, so each must move.
  const lastDays = [...new Set(before.map((x) => new Date(Date.parse(x.due.dueAt) + 8 * 3600_000 - 1).toISOString().slice(0, 10)))].sort();
  const base = schedule(2032, [['2032-01-01', '2032-01-02', '2032-01-03']]);
  const listed = new Set(base.holidays.flatMap((h) => h.days));
  const y2032 = {
    ...base,
    holidays: [
      ...base.holidays,
      ...lastDays.filter((d) => d.startsWith('2032') && !listed.has(d)).map((d) => ({ name: '测试假日', days: [d] })),
    ],
  };
  const told = await workflowsToRearm(db(), 2032);
  // Every stage holding an estimate is told (view estimated_deadlines, for PUT /calendar/years/{year}).
  const stages = ['decision', 'investigation', 'service', 'service', 'execution', 'archive'];
  for (const [i, stage] of stages.entries()) expect(told).toContainEqual(expect.stringMatching(new RegExp(`^${stage}-${caseIds[i]}`)));
  for (const id of told) await ts.env.client.workflow.getHandle(id).signal(calendarUpdatedSignal, y2032);

  const after = await settled(
    () => shown(ts, cases),
    (s) => s.length >= before.length && s.every((x) => x.due.complete),
  );
  const entries: { details: Record<string, any> }[] = await db().query(
    `SELECT details FROM case_records WHERE case_id = ANY($1) AND action = 'deadline_recomputed'`,
    [caseIds],
  );
  /** Old and new of each move recorded, in either shape: the board's (before/after) or the stages' (moved by kind). */
  const recorded = entries.flatMap(({ details: d }) =>
    d.moved
      ? Object.entries(d.moved).map(([kind, m]: [string, any]) => ({ kind, before: m.before?.dueAt, after: m.after.dueAt }))
      : [{ kind: 'task', before: d.before.dueAt, after: d.after.dueAt }],
  );
  for (const was of before) {
    const now = after.find((x) => x.kind === was.kind && x.caseId === was.caseId)!;
    expect({ kind: was.kind, complete: now.due.complete, missingYears: now.due.missingYears }).toEqual({
      kind: was.kind,
      complete: true,
      missingYears: [],
    });
    expect(Date.parse(now.due.dueAt)).toBeGreaterThan(Date.parse(was.due.dueAt));
    expect(recorded).toContainEqual({
      kind: was.kind.startsWith('task:') ? 'task' : was.kind,
      before: was.due.dueAt,
      after: now.due.dueAt,
    });
  }

  const relisted = await dueList(ts, hy.chief, caseIds);
  expect(relisted.items.map((i) => [i.kind, i.complete, i.missingYears])).toEqual(relisted.items.map((i) => [i.kind, true, []]));
  expect(relisted.items).toHaveLength(onList.items.length);

  // The timers moved with them: nothing fires at the old due time, the escalation at the new one.
  const escalations = (kind: string) => db().query('SELECT due_at FROM escalations WHERE case_id = ANY($1) AND kind = $2', [caseIds, kind]);
  for (const [kind, escalation] of [
    ['payment', 'payment_overdue'],
    ['measure_end', 'measure_expired'],
  ]) {
    const [was, now] = [before, after].map((s) => s.find((x) => x.kind === kind)!.due.dueAt);
    await ts.env.sleep(Date.parse(was) + 3600_000 - (await ts.env.currentTimeMs()));
    expect(await escalations(escalation)).toEqual([]);
    await ts.env.sleep(Date.parse(now) + 3600_000 - (await ts.env.currentTimeMs()));
    expect(await eventually(async () => (await escalations(escalation)).map((e: { due_at: Date }) => e.due_at.toISOString())[0])).toBe(now);
  }
  // The archive reminder (5 days before, 002) moved with its deadline and names the new due time.
  const archive = after.find((x) => x.kind === 'task:archive_file')!;
  const [reminder] = await db().query(`SELECT summary FROM case_records WHERE case_id = $1 AND action = 'deadline_warning'`, [
    archive.caseId,
  ]);
  expect(reminder.summary).toContain(`（${chinaTime(archive.due.dueAt)}）`);
  if (process.env.LAWTRAIL_RECORD_HISTORIES) await recordHistories(ts, told);
});
