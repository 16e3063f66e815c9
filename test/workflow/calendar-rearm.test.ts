import { randomUUID } from 'node:crypto';
import { YearSchedule } from '#libs/calendar/schedule';
import { calendarUpdatedSignal } from '#libs/messages/calendar';
import { InitiationInput, caseRegisteredUpdate } from '#libs/messages/initiation';
import { findProfile } from '#libs/profiles/index';
import type { initiationWorkflow } from '#workflows/initiation/workflows';
import { eventually, userId } from '../support/database';
import { TimeSkipping, startTimeSkipping } from '../support/time-skipping';

// A deadline that reaches a year with no published schedule is an estimate; when the
// administrator loads that year, the running workflow recomputes it and its timer moves.
// Years 2031/2032 are fictional schedules far enough ahead of any real clock the test server starts at.
let ts: TimeSkipping;
const taskQueue = 'rearm-tests';
const env = () => ts.env;
const db = () => ts.database.db;

const festivals = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];
function schedule(year: number, newYearDays: string[]): YearSchedule {
  return {
    year,
    source: { title: `测试用${year}年节假日安排`, documentNumber: `测试〔${year - 1}〕1号`, issuedOn: `${year - 1}-11-01` },
    holidays: festivals.map((name, i) => ({ name, days: i === 0 ? newYearDays : [`${year}-0${i + 2}-10`] })),
    makeupWorkdays: [],
  };
}
const y2031 = schedule(2031, ['2031-01-01']);
const y2032 = schedule(2032, ['2032-01-01', '2032-01-02', '2032-01-03']);

beforeAll(async () => {
  ts = await startTimeSkipping(taskQueue);
});

afterAll(async () => {
  await ts?.stop();
});

const task = async (caseId: string) =>
  (await db().query(`SELECT * FROM tasks WHERE case_id = $1 AND kind = 'application_acceptance'`, [caseId]))[0];

it('loading the missing year moves the application-acceptance timer (行政许可法 32, 82: 5 working days)', async () => {
  const profile = findProfile('xinglongtai-civil-affairs')!;
  const officerId = await userId(db(), 'xlt.officer1');
  const input: InitiationInput = {
    caseId: randomUUID(),
    agencyId: profile.id,
    profile: { id: profile.id, version: profile.version, regulationTitle: profile.regulation.title, initiation: profile.initiation },
    calendar: [y2031],
    source: 'application',
    emergency: false,
    officer: { id: officerId, name: 'xlt.officer1', role: 'officer', agencyId: profile.id },
    form: {
      reason: '申请登记',
      caseSource: '窗口受理',
      facts: '申请事项',
      parties: [{ kind: 'person', name: '申请人' }],
      handlerOpinion: '审查',
      application: { form: 'written', receivedAt: '2031-12-29T10:00:00+08:00', matter: '社会团体成立登记' },
    },
  };
  const handle = await env().client.workflow.start<typeof initiationWorkflow>('initiationWorkflow', {
    taskQueue,
    workflowId: `initiation-${input.caseId}`,
    args: [input],
  });
  await handle.executeUpdate(caseRegisteredUpdate);

  // Received Mon 2031-12-29; 2032 unknown, weekends only: 12-30 (1), 12-31 (2), 01-01 Thu (3),
  // 01-02 Fri (4), 01-05 Mon (5) → ends with 2032-01-05 (China), an estimate.
  const before = await task(input.caseId);
  expect(before.due_at.toISOString()).toBe('2032-01-05T16:00:00.000Z');
  expect(before.due_complete).toBe(false);
  expect(before.due_missing_years).toEqual([2032]);

  // 2032 loaded: 01-01..01-03 holidays, 01-04 Sunday → 12-30 (1), 12-31 (2), 01-05 (3), 01-06 (4), 01-07 (5).
  await handle.signal(calendarUpdatedSignal, y2032);
  const after = await eventually(async () => {
    const t = await task(input.caseId);
    return t.due_complete ? t : undefined;
  });
  expect(after.due_at.toISOString()).toBe('2032-01-07T16:00:00.000Z');
  expect(after.due_missing_years).toEqual([]);
  const [entry] = await db().query(`SELECT summary, details FROM case_records WHERE case_id = $1 AND action = 'deadline_recomputed'`, [
    input.caseId,
  ]);
  expect(entry.summary).toContain('原届满时间2032-01-05 24:00（估算）');
  expect(entry.summary).toContain('现为2032-01-07 24:00');
  expect(entry.summary).toContain('测试〔2031〕1号');

  // The old due passes quietly; the moved timer fires at the new due.
  const until = async (iso: string) => env().sleep(Date.parse(iso) - (await env().currentTimeMs()));
  await until('2032-01-05T17:00:00Z');
  const escalations = () => db().query('SELECT * FROM escalations WHERE case_id = $1', [input.caseId]);
  expect(await escalations()).toHaveLength(0);
  await until('2032-01-07T16:01:00Z');
  const [esc] = await eventually(async () => {
    const rows = await escalations();
    return rows.length ? rows : undefined;
  });
  expect(esc.kind).toBe('application_acceptance_overdue');
  expect(esc.due_at.toISOString()).toBe('2032-01-07T16:00:00.000Z');
});
