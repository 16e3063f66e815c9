import { temporal } from '@temporalio/proto';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEADLINE_KINDS, DueTime } from '#libs/domain/deadlines';
import { Actor } from '#libs/domain/roles';
import { AttemptInput } from '#libs/domain/service';
import { workflowIdForArchive } from '#libs/messages/archiving';
import { calendarUpdatedSignal } from '#libs/messages/calendar';
import { caseStateQuery, completeTaskUpdate } from '#libs/messages/tasks';
import { AvEvidence, requestExtensionUpdate, takeMeasureUpdate } from '#libs/messages/investigation';
import { recordServiceOutcomeUpdate, workflowIdForService } from '#libs/messages/service';
import { draftDemandNoticeUpdate, executionQuery } from '#libs/messages/execution';
import { noticeQuery, recordNoticeServedUpdate } from '#libs/messages/decision';
import { findProfile } from '#libs/profiles/index';
import { workflowsToRearm } from '#libs/persistence/estimated-deadlines';
import type { archiveWorkflow } from '#workflows/archiving/workflows';
import { chinaTime } from '#workflows/tasks/deadline-text';
import { DueQuery } from '#api/supervision/supervision.dto';
import { SupervisionService } from '#api/supervision/supervision.service';
import { CasesRepository } from '#libs/persistence/repositories/cases.repository';
import { SupervisionRepository } from '#libs/persistence/repositories/supervision.repository';
import { eventually } from '../support/database';
import { expectEveryDueFlagged, schedule, settled } from '../support/estimates';
import { staffOf } from '../support/review';
import { TimeSkipping, insertFiledCase, startDecision, startExecution, startInvestigation, startService, startTimeSkipping } from '../support/time-skipping';

// Estimates everywhere: every deadline the system shows says whether it is certain. A
// period reaching a year whose holiday schedule is not published is counted on weekends only
// (民法典 203 rolls a last day that is a rest day or holiday; which days are holidays that year is
// not yet known): `complete: false`, `missingYears`. Loading the year computes every one of them
// again: the timer moves, the view shows the new due time, and the record says old and new.
//
// The table lists every kind of deadline; the test fails when the system shows a kind not in it
// (a new deadline must be added here, and so checked for the flag). Fictional years far ahead of
// any real clock: 2031 published, 2032 not; the server's clock is moved to 2031-12-29 first.

const y2031 = schedule(2031, [['2031-01-01']]);

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
  court_earliest: 'executions.view.deadlines once the 催告书 is served (the second test: it needs the remedy periods over)',
  statement: 'the pre-decision notice (GET /cases/{id}/pre-decision-notice)',
  hearing_request: 'the pre-decision notice',
};

/** Kinds reached only in the second test, on a later timeline. */
const LATER = ['court_earliest'];
let ts: TimeSkipping;
const db = () => ts.database.db;
const profile = findProfile('huayin-housing')!;
let hy: { officer: Actor; chief: Actor };

beforeAll(async () => {
  ts = await startTimeSkipping('estimates-tests');
  hy = await staffOf(db(), 'hy', profile.id);
  await ts.env.sleep(Date.parse('2031-12-29T09:00:00+08:00') - (await ts.env.currentTimeMs()));
});
afterAll(async () => {
  await ts?.stop();
});

const openTask = (handle: { query: (q: typeof caseStateQuery) => Promise<{ openTasks: { id: string; kind: string }[] }> }, kind: string) =>
  eventually(async () => (await handle.query(caseStateQuery)).openTasks.find((t) => t.kind === kind));

/** Starts one case per stage, each on a calendar that knows 2031 only; returns their case ids. */
async function startCases() {
  const calendar = [y2031];
  const at = await ts.now();
  const decision = await startDecision(ts, profile.id, hy.officer.id, { calendar, filedAt: at });
  await decision.handle.executeUpdate(recordNoticeServedUpdate, { args: [{ servedAt: at, rights: ['statement', 'defence', 'hearing'], method: '直接送达', by: hy.officer }] });

  const investigation = await startInvestigation(ts, profile.id, hy.officer.id, { calendar });
  const rule = profile.investigation.sealSeize;
  const measure = await investigation.handle.executeUpdate(takeMeasureUpdate, {
    args: [{
      measureId: randomUUID(), kind: 'seize', object: '涉案建材一批', takenAt: at, recordId: null, by: hy.officer,
      period: rule.period, extension: rule.extension.period, legalBasis: '行政强制法第二十五条', extensionBasis: '行政强制法第二十五条第二款',
    }],
  });
  // The case that was wrong: an extended seizure's end stayed on a day the loaded schedule made a holiday.
  await investigation.handle.executeUpdate(requestExtensionUpdate, { args: [{ measureId: measure.id, reason: '案情复杂', by: hy.officer }] });
  const ext = await openTask(investigation.handle, 'measure_extension');
  await investigation.handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: ext.id, by: hy.chief, decision: 'approve', opinion: '同意延长' }] });

  // One service with a direct attempt pending and the 7 working days of 行政处罚法 61 running;
  // another served by public notice after a failed direct attempt.
  const mustServeWithin = { from: at, period: profile.service.absentParty.period, legalBasis: '《中华人民共和国行政处罚法》第六十一条第一款' };
  const direct = await startService(ts, profile.id, hy.officer.id, { calendar, mustServeWithin });
  const attempt = async (h: typeof direct.handle, a: Omit<AttemptInput, 'startedAt'>) =>
    h.executeUpdate(completeTaskUpdate, { args: [{ taskId: (await openTask(h, 'service_attempt')).id, by: hy.officer, decision: 'attempted', opinion: '送达', attempt: { ...a, startedAt: at } }] });
  await attempt(direct.handle, { method: 'direct' });
  const notice = await startService(ts, profile.id, hy.officer.id, { calendar });
  await attempt(notice.handle, { method: 'direct' });
  await notice.handle.executeUpdate(recordServiceOutcomeUpdate, { args: [{ outcome: 'failed', at, failureReason: '下落不明', by: hy.officer }] });
  const recording: AvEvidence = {
    record: {
      id: randomUUID(), caseId: notice.caseId, category: 'audiovisual', kind: 'video', title: '公告录像', content: {}, producerId: hy.officer.id, officers: [], signatures: null,
      rightsTold: null, avRecordIds: [], avOmissionReason: null, avVerdict: null, metadata: {}, usedAsEvidence: true, retentionUntil: null,
      legalBasis: null, correctsId: null, correctionReason: null, recordedAt: at, createdBy: hy.officer.id,
    },
    upload: { from: at, period: { amount: 24, unit: 'hour' }, legalBasis: '测试' },
  };
  await attempt(notice.handle, { method: 'public_notice', publicNotice: { carrier: 'newspaper', place: '华阴日报', audiovisual: recording } });

  const execution = await startExecution(ts, profile.id, hy.officer.id, 100_000, undefined, undefined, { calendar, decision: { documentNumber: '测试罚〔2031〕1号', servedAt: at } });

  const archived = randomUUID();
  await insertFiledCase(ts, archived, profile, hy.officer.id);
  await ts.env.client.workflow.start<typeof archiveWorkflow>('archiveWorkflow', {
    taskQueue: ts.taskQueue,
    workflowId: workflowIdForArchive(archived),
    args: [{ caseId: archived, agencyId: profile.id, endedAt: at, profile: { regulationTitle: profile.regulation.title, archiving: profile.archiving }, calendar }],
  });
  return { caseIds: [decision.caseId, investigation.caseId, direct.caseId, notice.caseId, execution.caseId, archived], decision: decision.handle };
}

type Shown = { kind: string; caseId: string; due: DueTime; where: string };

/** The supervisor's due list (GET /supervision/due) and its CSV, for these cases and the kinds it lists that the stages here hold. */
async function dueList(caseIds: string[]) {
  const supervision = new SupervisionService(new SupervisionRepository(db()), new CasesRepository(db()));
  const q = Object.assign(new DueQuery(), { state: 'due', pageSize: 100, asOf: await ts.now() });
  const kinds = ['task:archive_file', 'deadline:decision', 'measure:seize', 'service', 'payment'];
  const items = (await supervision.due(hy.chief, q)).items.filter((i) => caseIds.includes(i.caseId) && kinds.includes(i.kind));
  const csv = (await supervision.csv(hy.chief, q)).split('\r\n').filter((l) => caseIds.some((id) => l.startsWith(id)));
  return { items, csv, kinds };
}
const years = (v: unknown): number[] => (v as number[] | null) ?? [];

/** Every deadline the projections (what the API and the due list read) show for these cases. */
async function shown({ caseIds, decision }: Awaited<ReturnType<typeof startCases>>): Promise<Shown[]> {
  const out: Shown[] = [];
  const q = (sql: string) => db().query(sql, [caseIds]);
  for (const t of await q(`SELECT case_id, kind, due_at, due_complete, due_missing_years FROM tasks WHERE case_id = ANY($1) AND status = 'open' AND kind = 'archive_file'`)) {
    out.push({ kind: `task:${t.kind}`, caseId: t.case_id, due: { dueAt: t.due_at.toISOString(), complete: t.due_complete, missingYears: years(t.due_missing_years) }, where: 'tasks' });
  }
  for (const d of await q(`SELECT case_id, kind, due_at, due_complete, due_missing_years FROM case_deadlines WHERE case_id = ANY($1)`)) {
    out.push({ kind: d.kind, caseId: d.case_id, due: { dueAt: d.due_at.toISOString(), complete: d.due_complete, missingYears: years(d.due_missing_years) }, where: 'case_deadlines' });
  }
  for (const m of await q(`SELECT case_id, due_at, due_complete, due_missing_years FROM coercive_measures WHERE case_id = ANY($1)`)) {
    out.push({ kind: 'measure_end', caseId: m.case_id, due: { dueAt: m.due_at.toISOString(), complete: m.due_complete, missingYears: years(m.due_missing_years) }, where: 'coercive_measures' });
  }
  for (const table of ['services', 'executions']) {
    for (const r of await q(`SELECT case_id, view FROM ${table} WHERE case_id = ANY($1)`)) {
      expectEveryDueFlagged(r.view);
      for (const [kind, due] of Object.entries(r.view.deadlines ?? {})) out.push({ kind, caseId: r.case_id, due: due as DueTime, where: table });
    }
  }
  // The notice is read from its workflow (the API queries it too).
  const notice = await decision.query(noticeQuery);
  expectEveryDueFlagged(notice);
  for (const [kind, due] of Object.entries(notice.deadlines ?? {})) out.push({ kind, caseId: caseIds[0], due: due as DueTime, where: 'notice' });
  return out;
}

it('every kind of deadline is flagged as an estimate when it reaches an unpublished year, and re-armed and recorded when the year is loaded', async () => {
  expect(Object.keys(DEADLINE_KINDS).filter((k) => !(k in TABLE))).toEqual([]); // a new kind needs its row here
  const cases = await startCases();
  const { caseIds } = cases;

  // Before: every kind shown, every one an estimate waiting for 2032.
  const first = Object.keys(TABLE).filter((k) => !LATER.includes(k));
  const before = await settled(() => shown(cases), (s) => first.every((k) => s.some((x) => x.kind === k)));
  expect(first.filter((k) => !before.some((x) => x.kind === k))).toEqual([]); // each kind listed is shown somewhere
  expect(before.filter((x) => !(x.kind in TABLE)).map((x) => `${x.where}: ${x.kind}`)).toEqual([]);
  for (const x of before) expect({ kind: x.kind, complete: x.due.complete, missingYears: x.due.missingYears }).toEqual({ kind: x.kind, complete: false, missingYears: [2032] });

  // The supervisor's due list and its CSV say so too.
  const onList = await dueList(caseIds);
  expect(onList.items.map((i) => i.kind).sort()).toEqual([...onList.kinds].sort());
  for (const i of onList.items) expect({ kind: i.kind, complete: i.complete, missingYears: i.missingYears }).toEqual({ kind: i.kind, complete: false, missingYears: [2032] });
  expect(onList.csv.filter((l) => l.endsWith(',是（按周末估算）,2032'))).toHaveLength(onList.items.length);

  // The record lines that announce them say so too.
  const announced: { action: string; summary: string; details: unknown }[] = await db().query(
    `SELECT action, summary, details FROM case_records WHERE case_id = ANY($1)
        AND action IN ('deadline_set', 'execution_started', 'service_started', 'service_attempted', 'measure_taken', 'notice_served')
        AND (action <> 'service_started' OR details ? 'deadlines')`,
    [caseIds],
  );
  expect(announced.map((r) => r.action).sort()).toEqual([
    'deadline_set', 'execution_started', 'measure_taken', 'notice_served', 'service_attempted', 'service_attempted', 'service_attempted', 'service_started',
  ]);
  for (const r of announced) {
    expect(r.summary).toContain('（估算）');
    expect(JSON.stringify(r.details)).toContain('"complete":false');
  }

  // 2032 published: New Year 01-01..03, and every estimated last day made a holiday, so each must move.
  const lastDays = [...new Set(before.map((x) => new Date(Date.parse(x.due.dueAt) + 8 * 3600_000 - 1).toISOString().slice(0, 10)))].sort();
  const base = schedule(2032, [['2032-01-01', '2032-01-02', '2032-01-03']]);
  const listed = new Set(base.holidays.flatMap((h) => h.days));
  const y2032 = { ...base, holidays: [...base.holidays, ...lastDays.filter((d) => d.startsWith('2032') && !listed.has(d)).map((d) => ({ name: '测试假日', days: [d] }))] };
  const told = await workflowsToRearm(db(), 2032);
  // Every stage holding an estimate is told (view estimated_deadlines, for PUT /calendar/years/{year}).
  const stages = ['decision', 'investigation', 'service', 'service', 'execution', 'archive'];
  for (const [i, stage] of stages.entries()) expect(told).toContainEqual(expect.stringMatching(new RegExp(`^${stage}-${caseIds[i]}`)));
  for (const id of told) await ts.env.client.workflow.getHandle(id).signal(calendarUpdatedSignal, y2032);

  const after = await settled(() => shown(cases), (s) => s.length >= before.length && s.every((x) => x.due.complete));
  const entries: { details: Record<string, any> }[] = await db().query(
    `SELECT details FROM case_records WHERE case_id = ANY($1) AND action = 'deadline_recomputed'`,
    [caseIds],
  );
  /** Old and new of each move recorded, in either shape: the board's (before/after) or the stages' (moved by kind). */
  const recorded = entries.flatMap(({ details: d }) =>
    d.moved ? Object.entries(d.moved).map(([kind, m]: [string, any]) => ({ kind, before: m.before?.dueAt, after: m.after.dueAt })) : [{ kind: 'task', before: d.before.dueAt, after: d.after.dueAt }],
  );
  for (const was of before) {
    const now = after.find((x) => x.kind === was.kind && x.caseId === was.caseId)!;
    expect({ kind: was.kind, complete: now.due.complete, missingYears: now.due.missingYears }).toEqual({ kind: was.kind, complete: true, missingYears: [] });
    expect(Date.parse(now.due.dueAt)).toBeGreaterThan(Date.parse(was.due.dueAt));
    expect(recorded).toContainEqual({ kind: was.kind.startsWith('task:') ? 'task' : was.kind, before: was.due.dueAt, after: now.due.dueAt });
  }

  const relisted = await dueList(caseIds);
  expect(relisted.items.map((i) => [i.kind, i.complete, i.missingYears])).toEqual(relisted.items.map((i) => [i.kind, true, []]));
  expect(relisted.items).toHaveLength(onList.items.length);

  // The timers moved with them: nothing fires at the old due time, the escalation at the new one.
  const escalations = (kind: string) => db().query('SELECT due_at FROM escalations WHERE case_id = ANY($1) AND kind = $2', [caseIds, kind]);
  for (const [kind, escalation] of [['payment', 'payment_overdue'], ['measure_end', 'measure_expired']]) {
    const [was, now] = [before, after].map((s) => s.find((x) => x.kind === kind)!.due.dueAt);
    await ts.env.sleep(Date.parse(was) + 3600_000 - (await ts.env.currentTimeMs()));
    expect(await escalations(escalation)).toEqual([]);
    await ts.env.sleep(Date.parse(now) + 3600_000 - (await ts.env.currentTimeMs()));
    expect(await eventually(async () => (await escalations(escalation)).map((e: { due_at: Date }) => e.due_at.toISOString())[0])).toBe(now);
  }
  // The archive reminder (5 days before, 002) moved with its deadline and names the new due time.
  const archive = after.find((x) => x.kind === 'task:archive_file')!;
  const [reminder] = await db().query(`SELECT summary FROM case_records WHERE case_id = $1 AND action = 'deadline_warning'`, [archive.caseId]);
  expect(reminder.summary).toContain(`（${chinaTime(archive.due.dueAt)}）`);
  if (process.env.LAWTRAIL_RECORD_HISTORIES) await recordHistories(told);
});

it('the earliest day to apply to the court after the 催告书 (行政强制法 54) is flagged when it reaches an unpublished year, and re-armed when it is loaded', async () => {
  // A decision served in 2032 (published here: New Year only), whose remedy periods end by 2032-09; the
  // clock is taken there unless it is already later. The 催告书 is served on Monday 2032-12-27: 10
  // working days reach into 2033, not yet published.
  await ts.skipTo('2032-03-01T10:00:00+08:00');
  const calendar = [y2031, schedule(2032, [['2032-01-01', '2032-01-02', '2032-01-03']])];
  const { caseId, handle } = await startExecution(ts, profile.id, hy.officer.id, 100_000, undefined, undefined, { calendar, decision: { documentNumber: '测试罚〔2032〕2号', servedAt: await ts.now() } });
  await ts.env.sleep(Date.parse('2032-12-27T10:00:00+08:00') - (await ts.env.currentTimeMs()));
  await handle.executeUpdate(draftDemandNoticeUpdate, { args: [{ content: '限期缴纳罚款', by: hy.officer }] });
  await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: (await openTask(handle, 'demand_notice_approval')).id, by: hy.chief, decision: 'approve', opinion: '同意催告' }] });
  const serviceId = await eventually(async () => (await handle.query(executionQuery, await ts.now())).demandNotice?.serviceId ?? undefined);
  const service = ts.env.client.workflow.getHandle(workflowIdForService(caseId, serviceId));
  const at = await ts.now();
  await service.executeUpdate(completeTaskUpdate, { args: [{ taskId: (await openTask(service, 'service_attempt')).id, by: hy.officer, decision: 'attempted', opinion: '直接送达', attempt: { method: 'direct', startedAt: at } }] });
  await service.executeUpdate(recordServiceOutcomeUpdate, { args: [{ outcome: 'served', at, receipt: { signedBy: '王五' }, by: hy.officer }] });

  const shownEarliest = async () => (await db().query('SELECT view FROM executions WHERE case_id = $1', [caseId]))[0]?.view.deadlines?.court_earliest as DueTime | undefined;
  const was = await eventually(shownEarliest);
  expect(was).toEqual({ dueAt: '2033-01-10T16:00:00.000Z', complete: false, missingYears: [2033] }); // 12-28…12-31, then 2033 on weekends only
  const [announced] = await db().query(`SELECT summary FROM case_records WHERE case_id = $1 AND action = 'deadline_set'`, [caseId]);
  expect(announced.summary).toContain('2033-01-10 24:00（估算）');

  const y2033 = schedule(2033, [['2033-01-03', '2033-01-04', '2033-01-05']]);
  const told = await workflowsToRearm(db(), 2033);
  expect(told).toContain(`execution-${caseId}`);
  for (const id of told) await ts.env.client.workflow.getHandle(id).signal(calendarUpdatedSignal, y2033);
  const now2033 = await eventually(async () => ((await shownEarliest())?.complete ? shownEarliest() : undefined));
  expect(now2033).toEqual({ dueAt: '2033-01-13T16:00:00.000Z', complete: true, missingYears: [] }); // 01-03…05 holidays: three days later
  expect((await handle.query(executionQuery, await ts.now())).court.earliest).toBe(now2033!.dueAt); // what the court application is checked against
  expectEveryDueFlagged((await db().query('SELECT view FROM executions WHERE case_id = $1', [caseId]))[0].view);
  const [entry] = await db().query(`SELECT details FROM case_records WHERE case_id = $1 AND action = 'deadline_recomputed'`, [caseId]);
  expect(entry.details.moved.court_earliest).toEqual({ before: was, after: now2033 });
});

/** Writes the histories of this run for the replay test (opt-in: LAWTRAIL_RECORD_HISTORIES=1), one per stage re-armed by a schedule. */
async function recordHistories(ids: string[]): Promise<void> {
  const names: Record<string, string> = { decision: 'decision', investigation: 'investigation-measure', service: 'service', execution: 'execution', archive: 'archive' };
  const seen = new Set<string>();
  for (const id of ids) {
    const stage = Object.keys(names).find((k) => id.startsWith(`${k}-`));
    if (!stage || seen.has(stage)) continue;
    seen.add(stage);
    const history = await ts.env.client.workflow.getHandle(id).fetchHistory();
    const json = temporal.api.history.v1.History.toObject(history as temporal.api.history.v1.History, { longs: String, enums: String, bytes: String });
    writeFileSync(join(__dirname, 'histories', `${names[stage]}-estimate-rearmed.json`), `${JSON.stringify(json, null, 1)}\n`);
  }
}
