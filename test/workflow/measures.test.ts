import { randomUUID } from 'node:crypto';
import { LegalCalendar } from '#libs/calendar/calendar';
import { BUILT_IN_SCHEDULES } from '#libs/calendar/data/index';
import { computeDue } from '#libs/calendar/period';
import { Actor } from '#libs/domain/roles';
import { caseStateQuery, completeTaskUpdate } from '#libs/messages/tasks';
import {
  AddEvidenceCommand,
  addEvidenceUpdate,
  decideMeasureUpdate,
  investigationClosedSignal,
  pauseMeasureUpdate,
  requestExtensionUpdate,
  resumeMeasureUpdate,
  takeMeasureUpdate,
} from '#libs/messages/investigation';
import { escalated, escalationsOf, eventually } from '../support/database';
import { DAY, profile, seize, startCase } from '../support/measures';
import { TimeSkipping, startTimeSkipping } from '../support/time-skipping';
import { staffOf } from '../support/review';

// 查封、扣押 for 30 days (行政强制法 25), testing time not counted, one extension of 30 days
// with the chief's approval, and release demanded at expiry (28). The emergency measure (19) and
// 先行登记保存 (行政处罚法 56): emergency-measure.test.ts, preservation.test.ts.
let ts: TimeSkipping;
const db = () => ts.database.db;
let officer: Actor;
let chief: Actor;

beforeAll(async () => {
  ts = await startTimeSkipping('measures-tests');
  ({ officer, chief } = await staffOf(db(), 'hy', profile.id));
});
afterAll(async () => {
  await ts?.stop();
});

it('a measure the database refuses (a record that does not exist) fails its Update at once, not retried, and the case goes on', async () => {
  const { caseId, handle } = await startCase(ts, officer);
  const rule = profile.investigation.sealSeize;
  const refused = handle.executeUpdate(takeMeasureUpdate, {
    args: [
      {
        measureId: randomUUID(),
        kind: 'seize',
        object: '涉案建材一批',
        takenAt: await ts.now(),
        recordId: randomUUID(),
        by: officer,
        period: rule.period,
        extension: rule.extension.period,
        legalBasis: '行政强制法第二十五条',
        extensionBasis: '行政强制法第二十五条第二款',
      },
    ],
  });
  // A foreign-key violation (23503) becomes a non-retryable INTEGRITY_VIOLATION (activities/integrity.ts).
  await expect(refused).rejects.toMatchObject({
    cause: { name: 'ActivityFailure', cause: { type: 'INTEGRITY_VIOLATION', nonRetryable: true } },
  });
  expect(await db().query('SELECT id FROM coercive_measures WHERE case_id = $1', [caseId])).toEqual([]);
  // The workflow is still there and takes the next measure, the refused one forgotten.
  const taken = await seize(ts, handle, officer);
  expect(taken.status).toBe('active');
});

it('a 10-day testing pause makes a 30-day seizure end exactly 10 days later', async () => {
  const { caseId, handle } = await startCase(ts, officer);
  const taken = await seize(ts, handle, officer);
  const calendar = new LegalCalendar(BUILT_IN_SCHEDULES);
  expect(taken.lastDay).toBe(computeDue(calendar, taken.takenAt, { amount: 30, unit: 'day' }).lastDay);

  await ts.env.sleep('1 day');
  const from = await ts.now();
  const paused = await handle.executeUpdate(pauseMeasureUpdate, { args: [{ measureId: taken.id, at: from, reason: '送检', by: officer }] });
  expect(paused).toMatchObject({ status: 'paused', dueAt: null });
  const to = new Date(Date.parse(from) + 10 * DAY).toISOString();
  await ts.skipTo(to);
  const resumed = await handle.executeUpdate(resumeMeasureUpdate, { args: [{ measureId: taken.id, at: to, by: officer }] });
  // 10 days later, rolled to a working day where that lands on a rest day: computed with the calendar, so the
  // test holds whatever day it runs (the pause rule itself is a unit and property test of libs/calendar).
  const expected = computeDue(calendar, taken.takenAt, { amount: 30, unit: 'day' }, [{ from, to }]).due!;
  expect(resumed.dueAt).toBe(expected);
  expect(Date.parse(resumed.dueAt!) - Date.parse(taken.dueAt!)).toBeGreaterThanOrEqual(10 * DAY);

  // The old due passes quietly; at the new one, release is demanded (行政强制法 28).
  await ts.skipTo(new Date(Date.parse(taken.dueAt!) + 3600_000).toISOString());
  expect(await escalationsOf(db(), caseId)).toHaveLength(0);
  await ts.skipTo(new Date(Date.parse(resumed.dueAt!) + 60_000).toISOString());
  const [esc] = await escalated(db(), caseId);
  expect(esc.kind).toBe('measure_expired');
  expect(esc.must_act).toEqual([{ role: 'chief' }, { role: 'officer', userId: officer.id }]);
  const [line] = await db().query(`SELECT summary FROM case_records WHERE case_id = $1 AND action = 'deadline_escalated'`, [caseId]);
  expect(line.summary).toContain('应当立即解除扣押，退还财物');
  // The escalation is written first, the measure's new state right after it.
  await eventually(async () => {
    const [row] = await db().query('SELECT status FROM coercive_measures WHERE id = $1', [taken.id]);
    return row.status === 'expired' ? row : undefined;
  });
});

it('the chief’s approved extension adds 30 days; it can be asked once', async () => {
  const { handle } = await startCase(ts, officer);
  const taken = await seize(ts, handle, officer);
  const asked = await handle.executeUpdate(requestExtensionUpdate, { args: [{ measureId: taken.id, reason: '情况复杂', by: officer }] });
  expect(asked.status).toBe('extension_requested');
  await expect(
    handle.executeUpdate(requestExtensionUpdate, { args: [{ measureId: taken.id, reason: '再次', by: officer }] }),
  ).rejects.toMatchObject({ cause: { type: 'MEASURE_EXTENSION_USED' } });
  const task = (await handle.query(caseStateQuery)).openTasks.find((t) => t.kind === 'measure_extension')!;
  expect(task.role).toBe('chief');
  await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, by: chief, decision: 'approve', opinion: '同意延长' }] });
  const [row] = await db().query('SELECT extended, last_day, status FROM coercive_measures WHERE id = $1', [taken.id]);
  const calendar = new LegalCalendar(BUILT_IN_SCHEDULES);
  expect(row).toMatchObject({ extended: true, status: 'active' });
  expect(row.last_day).toBe(computeDue(calendar, taken.takenAt, { amount: 60, unit: 'day' }).lastDay);
});

it('the record says the extension was approved, not that a procedure was started', async () => {
  const { caseId, handle } = await startCase(ts, officer);
  const taken = await seize(ts, handle, officer);
  await handle.executeUpdate(requestExtensionUpdate, { args: [{ measureId: taken.id, reason: '情况复杂', by: officer }] });
  const task = (await handle.query(caseStateQuery)).openTasks.find((t) => t.kind === 'measure_extension')!;
  await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, by: chief, decision: 'approve', opinion: '同意延长' }] });
  const [line] = await db().query(
    `SELECT summary FROM case_records WHERE case_id = $1 AND action = 'task_completed' ORDER BY seq DESC LIMIT 1`,
    [caseId],
  );
  expect(line.summary).toContain('「批准延长查封、扣押或冻结期限」：批准延长。意见：同意延长');
});

it('a decision before expiry ends the clock: nothing escalates', async () => {
  const { caseId, handle } = await startCase(ts, officer);
  const taken = await seize(ts, handle, officer);
  await ts.env.sleep('5 days');
  const decided = await handle.executeUpdate(decideMeasureUpdate, {
    args: [{ measureId: taken.id, decision: 'release', content: '解除扣押，退还财物', by: officer }],
  });
  expect(decided).toMatchObject({ status: 'decided', decision: 'release' });
  await ts.env.sleep('40 days');
  expect(await escalationsOf(db(), caseId)).toHaveLength(0);
  await expect(
    handle.executeUpdate(pauseMeasureUpdate, { args: [{ measureId: taken.id, at: await ts.now(), reason: '送检', by: officer }] }),
  ).rejects.toMatchObject({ cause: { type: 'MEASURE_CLOSED' } });
});

it('a seizure entered after its period ran out takes no pause, resumption or other decision than release (行政强制法 28); a pause before it was taken is refused', async () => {
  const { caseId, handle } = await startCase(ts, officer);
  const rule = profile.investigation.sealSeize;
  const takenAt = new Date((await ts.env.currentTimeMs()) - 45 * DAY).toISOString();
  const take = (id: string, at: string) =>
    handle.executeUpdate(takeMeasureUpdate, {
      args: [
        {
          measureId: id,
          kind: 'seize',
          object: '涉案建材一批',
          takenAt: at,
          recordId: null,
          by: officer,
          period: rule.period,
          extension: rule.extension.period,
          legalBasis: '行政强制法第二十五条',
          extensionBasis: '行政强制法第二十五条第二款',
        },
      ],
    });
  const expired = await take(randomUUID(), takenAt);
  expect(Date.parse(expired.dueAt!)).toBeLessThan(await ts.env.currentTimeMs());
  const pause = (id: string, at: string) =>
    handle.executeUpdate(pauseMeasureUpdate, { args: [{ measureId: id, at, reason: '送检', by: officer }] });
  await expect(pause(expired.id, await ts.now())).rejects.toMatchObject({ cause: { type: 'MEASURE_NOT_RUNNING' } });
  await expect(
    handle.executeUpdate(requestExtensionUpdate, { args: [{ measureId: expired.id, reason: '复杂', by: officer }] }),
  ).rejects.toMatchObject({ cause: { type: 'MEASURE_EXPIRED' } });
  await expect(
    handle.executeUpdate(decideMeasureUpdate, { args: [{ measureId: expired.id, decision: 'confiscate', content: '没收', by: officer }] }),
  ).rejects.toMatchObject({
    cause: { type: 'MEASURE_NOT_RUNNING' },
  });
  const released = await handle.executeUpdate(decideMeasureUpdate, {
    args: [{ measureId: expired.id, decision: 'release', content: '解除扣押，退还财物', by: officer }],
  });
  expect(released).toMatchObject({ status: 'decided', decision: 'release' });
  const [line] = await db().query(`SELECT summary FROM case_records WHERE case_id = $1 AND action = 'measure_decided'`, [caseId]);
  expect(line.summary).toContain('届满，依法解除');

  const running = await take(randomUUID(), new Date((await ts.env.currentTimeMs()) - DAY).toISOString());
  await expect(pause(running.id, new Date(Date.parse(running.takenAt) - 60_000).toISOString())).rejects.toMatchObject({
    cause: {
      type: 'EVENT_BEFORE_STEP',
      details: [[{ field: 'at', code: 'EVENT_BEFORE_STEP', message: expect.stringContaining('扣押实施') }]],
    },
  });
  const paused = await pause(running.id, await ts.now());
  await expect(
    handle.executeUpdate(resumeMeasureUpdate, { args: [{ measureId: running.id, at: running.takenAt, by: officer }] }),
  ).rejects.toMatchObject({
    cause: { type: 'EVENT_BEFORE_STEP', details: [[{ field: 'at', message: expect.stringContaining('中止计算') }]] },
  });
  expect(paused.status).toBe('paused');
});

it('the decision closes the investigation: no more evidence, and it ends once the seizure is decided', async () => {
  const { handle } = await startCase(ts, officer);
  const taken = await seize(ts, handle, officer);
  await handle.signal(investigationClosedSignal);
  const late: AddEvidenceCommand = {
    record: { id: randomUUID() } as AddEvidenceCommand['record'],
    by: officer,
    summary: '补充证据',
  };
  await expect(handle.executeUpdate(addEvidenceUpdate, { args: [late] })).rejects.toMatchObject({
    cause: { type: 'CASE_NOT_UNDER_INVESTIGATION' },
  });
  await ts.env.sleep('1 day');
  expect((await handle.describe()).status.name).toBe('RUNNING');
  await handle.executeUpdate(decideMeasureUpdate, {
    args: [{ measureId: taken.id, decision: 'release', content: '解除扣押，退还财物', by: officer }],
  });
  await handle.result();
});
