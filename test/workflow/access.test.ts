import { WithStartWorkflowOperation } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { BUILT_IN_SCHEDULES } from '#libs/calendar/data/index';
import { AccessRequestInput, accessRequestedUpdate, workflowIdForAccessRequest } from '#libs/messages/access';
import { completeTaskUpdate } from '#libs/messages/tasks';
import { findProfile } from '#libs/profiles/index';
import type { accessRequestWorkflow } from '#workflows/access/workflows';
import { staffOf } from '../support/review';
import { TimeSkipping, startTimeSkipping } from '../support/time-skipping';

// A party's request to read or copy the record, decided as a task by whom the profile says.
let ts: TimeSkipping;
const db = () => ts.database.db;

beforeAll(async () => {
  ts = await startTimeSkipping('access-tests');
});
afterAll(async () => {
  await ts?.stop();
});

it.each([
  ['xinxiang-town', 'xx', 'chief'],
  ['jinpu-ocean', 'jp', 'officer'],
] as const)('%s (%s): the request is recorded and decided by the %s', async (profileId, code, role) => {
  const staff = await staffOf(db(), code, profileId);
  const profile = findProfile(profileId)!;
  const caseId = randomUUID();
  await db().query(
    `INSERT INTO cases (id, agency_id, profile_version, source, emergency, status, stage, handling_officer_id, form, workflow_id, started_at, updated_at)
     VALUES ($1, $2, $3, 'ex_officio', false, 'archived', 'archived', $4, '{}', 'test', now(), now())`,
    [caseId, profile.id, profile.version, staff.officer.id],
  );
  const input: AccessRequestInput = {
    requestId: randomUUID(),
    caseId,
    agencyId: profile.id,
    requester: '王五',
    requestedAt: await ts.now(),
    scope: '询问笔录',
    actions: [...profile.archiving.partyAccess.actions],
    by: staff.officer,
    profile: { regulationTitle: profile.regulation.title, partyAccess: profile.archiving.partyAccess },
    calendar: BUILT_IN_SCHEDULES,
  };
  const state = await ts.env.client.workflow.executeUpdateWithStart(accessRequestedUpdate, {
    startWorkflowOperation: new WithStartWorkflowOperation<typeof accessRequestWorkflow>('accessRequestWorkflow', {
      workflowId: workflowIdForAccessRequest(caseId, input.requestId),
      taskQueue: ts.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
    }),
  });
  expect(state.openTasks).toEqual([expect.objectContaining({ kind: 'access_request', role })]);
  const handle = ts.env.client.workflow.getHandle(workflowIdForAccessRequest(caseId, input.requestId));
  const by = role === 'chief' ? staff.chief : staff.officer;
  await handle.executeUpdate(completeTaskUpdate, {
    args: [{ taskId: state.openTasks[0].id, by, decision: 'refused', opinion: '涉及第三人隐私' }],
  });
  await handle.result();
  const lines = await db().query(`SELECT action, summary FROM case_records WHERE case_id = $1 ORDER BY seq`, [caseId]);
  expect(lines.map((l: { action: string }) => l.action)).toEqual(['access_requested', 'task_completed']);
  expect(lines[1].summary).toContain('不予。意见：涉及第三人隐私');
  // Recorded before anyone decided: it says who will decide, not that they agreed.
  expect(lines[0].summary).toContain(role === 'chief' ? '报行政机关负责人决定' : '办理');
  expect(lines[0].summary).not.toContain('同意');
});
