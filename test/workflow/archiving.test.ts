import { randomUUID } from 'node:crypto';
import { LegalCalendar } from '#libs/calendar/calendar';
import { BUILT_IN_SCHEDULES } from '#libs/calendar/data/index';
import { computeDue } from '#libs/calendar/period';
import { ArchiveForm, workflowIdForArchive } from '#libs/messages/archiving';
import { caseStateQuery, completeTaskUpdate } from '#libs/messages/tasks';
import { findProfile } from '#libs/profiles/index';
import type { archiveWorkflow } from '#workflows/archiving/workflows';
import { eventually, recordLines } from '../support/database';
import { staffOf } from '../support/review';
import { TimeSkipping, startTimeSkipping } from '../support/time-skipping';

// The archive deadline from the case's end — 30 days (000…), 20 days (003 第十条) —
// reminded 5 days before, escalated when it runs out; a file with documents missing closes only with a reason.
let ts: TimeSkipping;
const db = () => ts.database.db;
const calendar = new LegalCalendar(BUILT_IN_SCHEDULES);
const DAY = 24 * 3600_000;

beforeAll(async () => {
  ts = await startTimeSkipping('archiving-tests');
});
afterAll(async () => {
  await ts?.stop();
});

async function endedCase(profileId: string, officerId: string) {
  const profile = findProfile(profileId)!;
  const caseId = randomUUID();
  await db().query(
    `INSERT INTO cases (id, agency_id, profile_version, source, emergency, status, stage, handling_officer_id, form, workflow_id, started_at, updated_at)
     VALUES ($1, $2, $3, 'ex_officio', false, 'ended', 'archiving', $4, '{}', 'test', now(), now())`,
    [caseId, profile.id, profile.version, officerId],
  );
  const endedAt = await ts.now();
  const handle = await ts.env.client.workflow.start<typeof archiveWorkflow>('archiveWorkflow', {
    taskQueue: ts.taskQueue,
    workflowId: workflowIdForArchive(caseId),
    args: [
      {
        caseId,
        agencyId: profile.id,
        endedAt,
        profile: { regulationTitle: profile.regulation.title, archiving: profile.archiving },
        calendar: BUILT_IN_SCHEDULES,
      },
    ],
  });
  return { caseId, handle, endedAt };
}

const escalations = (caseId: string) => db().query(`SELECT kind, due_at FROM escalations WHERE case_id = $1`, [caseId]);

it.each([
  ['pingluo-veterans', 'pl', 20],
  ['xinglongtai-civil-affairs', 'xlt', 30],
] as const)('%s (%s): reminded 5 days before the %i-day deadline and escalated when it runs out', async (profileId, code, days) => {
  const staff = await staffOf(db(), code, profileId);
  const { caseId, handle, endedAt } = await endedCase(profileId, staff.officer.id);
  const due = Date.parse(computeDue(calendar, endedAt, { amount: days, unit: 'day' }).due!);
  const task = await eventually(async () => (await handle.query(caseStateQuery)).openTasks[0]);
  expect(task).toMatchObject({ kind: 'archive_file', role: 'archivist', dueAt: new Date(due).toISOString() });

  await ts.skipTo(due - 5 * DAY - 3600_000);
  expect(await recordLines(db(), caseId, 'deadline_warning')).toHaveLength(0);
  await ts.skipTo(due - 5 * DAY + 3600_000);
  const [warning] = await eventually(async () => {
    const rows = await recordLines(db(), caseId, 'deadline_warning');
    return rows.length ? rows : undefined;
  });
  expect(warning.summary).toContain('距归档期限届满还有5日');
  expect(await escalations(caseId)).toHaveLength(0);
  await ts.skipTo(due + 60_000);
  const [esc] = await eventually(async () => {
    const rows = await escalations(caseId);
    return rows.length ? rows : undefined;
  });
  expect(esc).toMatchObject({ kind: 'archive_overdue' });
  expect(esc.due_at.getTime()).toBe(due);
});

/** A 平罗 (003) case that ended, its archive task open, and a way to complete it as the archivist. */
async function archiveTaskOfEndedCase() {
  const pl = await staffOf(db(), 'pl', 'pingluo-veterans');
  const { caseId, handle } = await endedCase('pingluo-veterans', pl.officer.id);
  const task = await eventually(async () => (await handle.query(caseStateQuery)).openTasks[0]);
  const complete = (archive: ArchiveForm) =>
    handle.executeUpdate(completeTaskUpdate, {
      args: [{ taskId: task.id, by: pl.archivist, decision: 'archived', opinion: '归档', archive }],
    });
  return { caseId, handle, complete };
}
const MISSING: ArchiveForm = { location: '档案室A-3', catalogue: [], missing: ['送达回证'] };
const REASON = '当事人下落不明，公告送达材料另卷保存';
const FIELDS_003 = {
  archiveNumber: 'PL-2026-001',
  category: '行政处罚',
  retentionPeriod: '30年',
  startDate: '2026-01-05',
  endDate: '2026-11-23',
};

it('a file with documents missing is archived only with the reason', async () => {
  const { caseId, handle, complete } = await archiveTaskOfEndedCase();
  await expect(complete(MISSING)).rejects.toMatchObject({ cause: { type: 'ARCHIVE_INCOMPLETE' } });
  await complete({ ...MISSING, ...FIELDS_003, incompleteReason: REASON });
  await handle.result();
  const [c] = await db().query('SELECT status, stage FROM cases WHERE id = $1', [caseId]);
  expect(c).toEqual({ status: 'archived', stage: 'archived' });
  const [line] = await recordLines(db(), caseId, 'case_archived');
  expect(line.summary).toContain('缺少：送达回证，原因：当事人下落不明');
});

it('003 wants every archive field', async () => {
  const { complete } = await archiveTaskOfEndedCase();
  await expect(complete({ ...MISSING, incompleteReason: REASON })).rejects.toMatchObject({
    cause: { type: 'ARCHIVE_FIELD_MISSING', message: '须填写：归档编号、类别、保管期限、起始日期、终止日期' },
  });
});
