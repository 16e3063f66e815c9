import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN_SCHEDULES } from '#libs/calendar/data/index';
import { Actor } from '#libs/domain/roles';
import { escalationRules } from '#libs/domain/escalation';
import { workflowIdForDecision } from '#libs/messages/decision';
import { InitiationInput, caseRegisteredUpdate, workflowIdForInitiation } from '#libs/messages/initiation';
import { caseStateQuery, completeTaskUpdate } from '#libs/messages/tasks';
import { findProfile, pinnedForInitiation } from '#libs/profiles/index';
import { dataConverter } from '#libs/temporal/data-converter';
import type { initiationWorkflow } from '#workflows/initiation/workflows';
import { activityRuns } from '../support/activity-runs';
import { eventually, userId } from '../support/database';
import { keepHistory } from '../support/histories';
import { describeSize, historyFromFile, historySize } from '../support/history-size';
import { TimeSkipping, startTimeSkipping } from '../support/time-skipping';

// What a case's histories weigh as the server stores them (issue 21: the profile and the calendar
// were copied into every history). LAWTRAIL_PRINT_SIZES=1 prints the breakdown, and with
// LAWTRAIL_HISTORIES_DIR also that of every history recorded there (test/support/histories.ts).
let ts: TimeSkipping;
const taskQueue = 'history-size';
const print = (text: string) => process.env.LAWTRAIL_PRINT_SIZES && console.log(text);

beforeAll(async () => {
  ts = await startTimeSkipping(taskQueue);
});
afterAll(async () => {
  await ts?.stop();
});

it('an ex officio case from start to filing: its stage inputs are stored compressed, and registering the case copies none of the profile', async () => {
  const profile = findProfile('xinglongtai-civil-affairs')!;
  const actor = async (name: string, role: Actor['role']): Promise<Actor> => ({
    id: await userId(ts.database.db, name),
    name,
    role,
    agencyId: profile.id,
  });
  const [officer, unitHead, chief] = [
    await actor('xlt.officer1', 'officer'),
    await actor('xlt.unithead', 'unit_head'),
    await actor('xlt.chief', 'chief'),
  ];
  // As the API starts a case (apps/api/src/initiation/initiation.service.ts).
  const input: InitiationInput = {
    caseId: randomUUID(),
    agencyId: profile.id,
    profile: pinnedForInitiation(profile),
    calendar: BUILT_IN_SCHEDULES,
    escalation: escalationRules(profile),
    source: 'ex_officio',
    emergency: false,
    officer,
    form: {
      reason: '测试',
      caseSource: '日常检查',
      facts: '测试案情',
      parties: [{ kind: 'person', name: '张三' }],
      handlerOpinion: '建议启动',
    },
  };
  const handle = await ts.env.client.workflow.start<typeof initiationWorkflow>('initiationWorkflow', {
    taskQueue,
    workflowId: workflowIdForInitiation(input.caseId),
    args: [input],
  });
  await handle.executeUpdate(caseRegisteredUpdate);
  for (const [by, decision] of [
    [unitHead, 'agree'],
    [chief, 'approve'],
  ] as const) {
    const task = (await handle.query(caseStateQuery)).openTasks.find((t) => t.role === by.role)!;
    await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, by, decision, opinion: '同意' }] });
  }
  expect(await handle.result()).toBe('initiated');
  const decision = ts.env.client.workflow.getHandle(workflowIdForDecision(input.caseId));
  const decisionHistory = await eventually(async () => {
    const h = await decision.fetchHistory();
    return h.events?.some((e) => e.workflowTaskCompletedEventAttributes) ? h : undefined;
  });

  await keepHistory(handle, 'initiation-filed-compressed-slim-registration');
  await keepHistory(handle, 'initiation-filed-registered-with-first-task');
  const initiationHistory = await handle.fetchHistory();
  const initiation = await historySize(initiationHistory);
  const started = await historySize(decisionHistory);
  print(describeSize('initiation, ex officio, filed', initiation));
  print(describeSize('decision stage, just started', started));
  // The profile and calendar are JSON that deflates several times over.
  expect(initiation.parts['workflow input'].stored).toBeLessThan(initiation.parts['workflow input'].json / 3);
  expect(initiation.parts['child workflow inputs'].stored).toBeLessThan(initiation.parts['child workflow inputs'].json / 3);
  expect(started.parts['workflow input'].stored).toBeLessThan(started.parts['workflow input'].json / 3);
  // Since 'local-writes' the registration is a local activity: its input is not in the history at all;
  // since 'register-with-first-task' it opens the unit head's review too (one write to start a case).
  const runs = activityRuns(initiationHistory.events!);
  expect(runs.slice(0, 2).map((r) => [r.type, r.local])).toEqual([
    ['registerCaseWithTask', true],
    ['completeTask', true],
  ]);
  // (The only activity task: the 程序启动审批表 rendered after the chief was answered, 'documents-after-step'.)
  const tasks = initiationHistory.events!.filter((e) => e.activityTaskScheduledEventAttributes);
  expect(tasks.map((e) => e.activityTaskScheduledEventAttributes!.activityType!.name)).toEqual(['makeStepDocuments']);
  // Before it, the case row's fields, not the profile's sections and the calendar a second time
  // ('slim-register-case'), as the history recorded then shows.
  const before = historyFromFile(
    JSON.parse(readFileSync(join(__dirname, 'histories', 'initiation-filed-compressed-slim-registration.json'), 'utf8')),
  );
  const registration = before.events!.find((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'registerCase')!;
  const [registered] = await dataConverter.payloadCodecs![0].decode(registration.activityTaskScheduledEventAttributes!.input!.payloads!);
  const fields = JSON.parse(new TextDecoder().decode(registered.data!));
  expect(fields.calendar).toBeUndefined();
  expect(fields.profile).toEqual({ version: profile.version });
});

const recorded = process.env.LAWTRAIL_PRINT_SIZES && process.env.LAWTRAIL_HISTORIES_DIR;
(recorded ? it : it.skip)('prints the sizes of the histories recorded in LAWTRAIL_HISTORIES_DIR', async () => {
  const dir = process.env.LAWTRAIL_HISTORIES_DIR!;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    print(describeSize(file, await historySize(historyFromFile(JSON.parse(readFileSync(join(dir, file), 'utf8'))))));
  }
});
