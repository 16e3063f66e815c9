import { LegalCalendar } from '#libs/calendar/calendar';
import { BUILT_IN_SCHEDULES } from '#libs/calendar/data/index';
import { computeDue } from '#libs/calendar/period';
import { Actor } from '#libs/domain/roles';
import { caseStateQuery } from '#libs/messages/tasks';
import { AddEvidenceCommand, addEvidenceUpdate } from '#libs/messages/investigation';
import { escalated, escalationsOf, eventually } from '../support/database';
import { profile, startCase } from '../support/measures';
import { TimeSkipping, startTimeSkipping } from '../support/time-skipping';
import { staffOf } from '../support/review';
import { evidenceRecord } from '../support/evidence-record';

// 先行登记保存: the handling decision within 7 working days (行政处罚法 56), or an escalation.
let ts: TimeSkipping;
const db = () => ts.database.db;
let officer: Actor;

beforeAll(async () => {
  ts = await startTimeSkipping('preservation-tests');
  ({ officer } = await staffOf(db(), 'hy', profile.id));
});
afterAll(async () => {
  await ts?.stop();
});

it('registered preservation without a handling decision escalates after 7 working days', async () => {
  const { caseId, handle } = await startCase(ts, officer);
  const rule = profile.investigation.registeredPreservation;
  const recordedAt = await ts.now();
  const cmd: AddEvidenceCommand = {
    record: evidenceRecord({
      caseId,
      category: 'written',
      kind: 'registered_preservation_list',
      title: '证据登记保存清单',
      producerId: officer.id,
      metadata: null,
      usedAsEvidence: null,
      recordedAt,
    }),
    by: officer,
    summary: '制作证据登记保存清单',
    handling: { period: rule.period, legalBasis: '行政处罚法第五十六条' },
  };
  await handle.executeUpdate(addEvidenceUpdate, { args: [cmd] });
  const task = (await handle.query(caseStateQuery)).openTasks.find((t) => t.kind === 'preservation_handling')!;
  const expected = computeDue(new LegalCalendar(BUILT_IN_SCHEDULES), recordedAt, { amount: 7, unit: 'workday' });
  expect(task.dueAt).toBe(expected.due);
  await ts.skipTo(new Date(Date.parse(task.dueAt!) - 25 * 3600_000).toISOString());
  const lastDayLines = () => db().query(`SELECT summary FROM case_records WHERE case_id = $1 AND action = 'deadline_last_day'`, [caseId]);
  expect(await lastDayLines()).toHaveLength(0);
  await ts.skipTo(new Date(Date.parse(task.dueAt!) - 3600_000).toISOString());
  const [warning] = await eventually(async () => {
    const rows = await lastDayLines();
    return rows.length ? rows : undefined;
  });
  expect(warning.summary).toContain('期限今日届满');
  expect(await escalationsOf(db(), caseId)).toHaveLength(0);
  await ts.skipTo(new Date(Date.parse(task.dueAt!) + 60_000).toISOString());
  const [esc] = await escalated(db(), caseId);
  expect(esc.kind).toBe('preservation_overdue');
});
