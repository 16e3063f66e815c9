import { randomUUID } from 'node:crypto';
import { BUILT_IN_SCHEDULES } from '#libs/calendar/data/index';
import { Actor } from '#libs/domain/roles';
import { InitiationInput, caseRegisteredUpdate } from '#libs/messages/initiation';
import { CompleteTaskCommand, caseStateQuery, completeTaskUpdate } from '#libs/messages/tasks';
import { findProfile } from '#libs/profiles/index';
import type { initiationWorkflow } from '#workflows/initiation/workflows';
import { escalated, escalationsOf, userId } from '../support/database';
import { keepHistory } from '../support/histories';
import { TimeSkipping, startTimeSkipping } from '../support/time-skipping';

// Time-skipping server: the 24-hour back-report runs in seconds. Activities are the real ones,
// writing to a real PostgreSQL database, so the assertions read what people would see.
let ts: TimeSkipping;
const taskQueue = 'workflow-tests';
const env = () => ts.env;
const db = () => ts.database.db;
const actors: Record<string, Actor> = {};

beforeAll(async () => {
  ts = await startTimeSkipping(taskQueue);
  for (const [key, name, role] of [
    ['officer', 'xlt.officer1', 'officer'],
    ['unitHead', 'xlt.unithead', 'unit_head'],
    ['chief', 'xlt.chief', 'chief'],
  ] as const) {
    actors[key] = { id: await userId(db(), name), name, role, agencyId: 'xinglongtai-civil-affairs' };
  }
});

afterAll(async () => {
  await ts?.stop();
});

function input(over: Partial<InitiationInput> = {}): InitiationInput {
  const profile = findProfile('xinglongtai-civil-affairs')!;
  return {
    caseId: randomUUID(),
    agencyId: profile.id,
    profile: { id: profile.id, version: profile.version, regulationTitle: profile.regulation.title, initiation: profile.initiation },
    calendar: BUILT_IN_SCHEDULES,
    source: 'ex_officio',
    emergency: false,
    officer: actors.officer,
    form: {
      reason: '测试',
      caseSource: '日常检查',
      facts: '测试案情',
      parties: [{ kind: 'person', name: '张三' }],
      handlerOpinion: '建议启动',
    },
    ...over,
  };
}

async function start(i: InitiationInput) {
  const handle = await env().client.workflow.start<typeof initiationWorkflow>('initiationWorkflow', {
    taskQueue,
    workflowId: `initiation-${i.caseId}`,
    args: [i],
  });
  await handle.executeUpdate(caseRegisteredUpdate);
  return handle;
}

type Handle = Awaited<ReturnType<typeof start>>;

async function complete(handle: Handle, by: Actor, decision: string, extra: Partial<CompleteTaskCommand> = {}) {
  const state = await handle.query(caseStateQuery);
  const task = state.openTasks.find((t) => t.role === by.role)!;
  return handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, by, decision, opinion: '意见', ...extra }] });
}

describe('emergency start: back-report within 24 hours (000 第六条)', () => {
  it('escalates at 24 h and not before, naming who must act', async () => {
    const i = input({ emergency: true });
    const handle = await start(i);
    const [row] = await db().query('SELECT started_at FROM cases WHERE id = $1', [i.caseId]);

    await env().sleep('1439 minutes');
    expect((await handle.query(caseStateQuery)).overdue).toBe(false);
    expect(await escalationsOf(db(), i.caseId)).toHaveLength(0);

    await env().sleep('2m');
    const [esc] = await escalated(db(), i.caseId);
    expect(esc.due_at.getTime() - row.started_at.getTime()).toBe(24 * 3600 * 1000);
    expect(esc.escalated_at.getTime()).toBeGreaterThanOrEqual(esc.due_at.getTime());
    expect(esc.must_act).toEqual([{ role: 'officer', userId: actors.officer.id }, { role: 'unit_head' }, { role: 'chief' }]);
    expect(esc.legal_basis).toContain('第六条');
    expect(esc.legal_basis).toContain('兴隆台区民政局行政执法全过程记录实施办法');
    const [c] = await db().query('SELECT overdue FROM cases WHERE id = $1', [i.caseId]);
    expect(c.overdue).toBe(true);
    const record = await db().query('SELECT action FROM case_records WHERE case_id = $1 ORDER BY seq', [i.caseId]);
    expect(record.map((r: { action: string }) => r.action)).toEqual(['case_registered', 'emergency_started', 'deadline_escalated']);

    // A late back-report is still taken; it resolves the escalation and the case moves on.
    const after = await complete(handle, actors.officer, 'submit');
    expect(after.overdue).toBe(false);
    expect(after.openTasks.map((t) => t.kind)).toEqual(['unit_head_review']);
    const [resolved] = await escalationsOf(db(), i.caseId);
    expect(resolved.resolved_at).not.toBeNull();
    const [late] = await db().query(`SELECT summary, details FROM case_records WHERE case_id = $1 AND details->>'kind' = 'back_report'`, [
      i.caseId,
    ]);
    expect(late.summary).toContain('（逾期）');
    expect(late.details.onTime).toBe(false);
    // Started, escalated and completed with local writes (`local-writes`).
    await keepHistory(handle, 'initiation-emergency-escalated-local-writes');
    // … and registered with its first task, the back-report, in one write (`register-with-first-task`).
    await keepHistory(handle, 'initiation-emergency-registered-with-first-task');
  });

  it('a back-report in time cancels the escalation', async () => {
    const i = input({ emergency: true });
    const handle = await start(i);
    await env().sleep('23h');
    await complete(handle, actors.officer, 'submit');
    const [inTime] = await db().query(`SELECT summary FROM case_records WHERE case_id = $1 AND details->>'kind' = 'back_report'`, [
      i.caseId,
    ]);
    expect(inTime.summary).toContain('（按期）');
    await env().sleep('2h');
    expect(await escalationsOf(db(), i.caseId)).toHaveLength(0);
    const state = await handle.query(caseStateQuery);
    expect(state).toMatchObject({ status: 'emergency_started', overdue: false });
    expect(state.openTasks.map((t) => t.kind)).toEqual(['unit_head_review']);
  });
});

describe('chief approval', () => {
  it('rejection ends the case as declined', async () => {
    const i = input();
    const handle = await start(i);
    await complete(handle, actors.unitHead, 'agree');
    const last = await complete(handle, actors.chief, 'reject');
    expect(last.status).toBe('declined');
    expect(await handle.result()).toBe('declined');
    const [c] = await db().query('SELECT status FROM cases WHERE id = $1', [i.caseId]);
    expect(c.status).toBe('declined');
  });

  it('a declined real-name complaint waits until the complainant is told (000 第七条)', async () => {
    const base = input();
    const i = input({
      source: 'complaint',
      form: { ...base.form, complainant: { realName: true, name: '李四', contact: '13800000000' }, complaintContent: '举报' },
    });
    const handle = await start(i);
    await complete(handle, actors.unitHead, 'disagree');
    const afterReject = await complete(handle, actors.chief, 'reject');
    expect(afterReject.openTasks.map((t) => t.kind)).toEqual(['decline_notification']);
    // Due within the profile's operational period (000: 5 working days), like every other task.
    expect(afterReject.openTasks[0].dueAt).toEqual(expect.any(String));
    const pending = (await handle.query(caseStateQuery)).openTasks[0];
    await expect(
      handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: pending.id, by: actors.officer, decision: 'notified', opinion: 'x' }] }),
    ).rejects.toMatchObject({ cause: { type: 'TASK_NOTIFICATION_REQUIRED' } });
    const notification = { method: 'phone' as const, notifiedAt: '2026-11-23T09:00:00+08:00', recipient: '李四' };
    await complete(handle, actors.officer, 'notified', { notification });
    expect(await handle.result()).toBe('declined');
    const [entry] = await db().query(
      `SELECT summary, details FROM case_records WHERE case_id = $1 AND details->>'kind' = 'decline_notification'`,
      [i.caseId],
    );
    expect(entry.details.notification).toEqual(notification);
    expect(entry.summary).toContain('电话告知李四');
    await keepHistory(handle, 'initiation-decline-notification-due');
  });

  it('refuses a completion by the wrong role, and a second completion of the same task', async () => {
    const handle = await start(input());
    const taskId = (await handle.query(caseStateQuery)).openTasks[0].id;
    const send = (by: Actor, opinion: string) =>
      handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, by, decision: 'agree', opinion }] });
    await expect(send(actors.chief, 'x')).rejects.toMatchObject({ cause: { type: 'TASK_WRONG_ROLE', message: '当前角色无权办理该任务' } });
    await expect(send({ ...actors.unitHead, agencyId: 'huayin-housing' }, 'x')).rejects.toMatchObject({
      cause: { type: 'TASK_WRONG_AGENCY' },
    });
    await send(actors.unitHead, 'x');
    await expect(send(actors.unitHead, 'y')).rejects.toMatchObject({ cause: { type: 'TASK_NOT_OPEN' } });
  });
});
