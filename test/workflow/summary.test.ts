import { randomUUID } from 'node:crypto';
import { LegalCalendar } from '#libs/calendar/calendar';
import { BUILT_IN_SCHEDULES } from '#libs/calendar/data/index';
import { computeDue } from '#libs/calendar/period';
import { caseStateQuery, completeTaskUpdate } from '#libs/messages/tasks';
import { SummaryInput, summaryRegisteredUpdate, workflowIdForSummary } from '#libs/messages/summary';
import { findProfile } from '#libs/profiles/index';
import type { summaryWorkflow } from '#workflows/summary/workflows';
import { executionQuery, workflowIdForExecution } from '#libs/messages/execution';
import { eventually } from '../support/database';
import { stepsAndDocuments } from '../support/documents';
import { keepHistory } from '../support/histories';
import { staffOf } from '../support/review';
import { TimeSkipping, startTimeSkipping } from '../support/time-skipping';
import { WithStartWorkflowOperation } from '@temporalio/client';

// 简易程序 (行政处罚法 51–52, 71; 000 第十四条): the decision on the spot, the filing task,
// cash handed in within 2 working days of collection or escalated.
let ts: TimeSkipping;
const db = () => ts.database.db;
const calendar = new LegalCalendar(BUILT_IN_SCHEDULES);

beforeAll(async () => {
  ts = await startTimeSkipping('summary-tests');
});
afterAll(async () => {
  await ts?.stop();
});

const profile = findProfile('xinglongtai-civil-affairs')!;
type Staff = Awaited<ReturnType<typeof staffOf>>;

/** A 50-yuan on-the-spot decision of 兴隆台 (占道经营) as the API passes it to the workflow; `o` adds the rest. */
function onTheSpot(xlt: Staff, caseId: string, now: string, documentNumber: string, o: Partial<SummaryInput>): SummaryInput {
  return {
    caseId,
    agencyId: profile.id,
    profile: {
      id: profile.id,
      version: profile.version,
      regulationTitle: profile.regulation.title,
      decision: profile.decision,
      execution: profile.execution,
      archiving: profile.archiving,
    },
    calendar: BUILT_IN_SCHEDULES,
    officer: xlt.officer,
    form: {
      reason: '简易程序',
      caseSource: '现场执法',
      facts: '占道经营',
      parties: [{ kind: 'person', name: '赵六' }],
      handlerOpinion: '罚款50元',
    },
    decision: {
      documentNumber,
      decidedAt: now,
      place: '兴隆台街',
      content: '占道经营',
      summary: '罚款50元',
      items: { conditions: '事实确凿' },
    },
    ...o,
  };
}

/** Registers the decision as POST /summary-cases does: the workflow started with its first Update. */
const register = (input: SummaryInput) =>
  ts.env.client.workflow.executeUpdateWithStart(summaryRegisteredUpdate, {
    startWorkflowOperation: new WithStartWorkflowOperation<typeof summaryWorkflow>('summaryWorkflow', {
      workflowId: workflowIdForSummary(input.caseId),
      taskQueue: ts.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
    }),
  });

it('records the on-the-spot decision, opens the filing, and escalates cash not handed in within 2 working days', async () => {
  const xlt = await staffOf(db(), 'xlt', profile.id);
  const caseId = randomUUID();
  const now = await ts.now();
  const state = await register(
    onTheSpot(xlt, caseId, now, '兴民简〔2026〕3号', {
      collection: { amountYuan: 50, receiptNumber: 'NO.0001', collectedAt: now, ground: 'small_fine' },
    }),
  );
  expect(state.openTasks.map((t) => t.kind).sort()).toEqual(['cash_hand_in', 'summary_filing']);
  const handIn = state.openTasks.find((t) => t.kind === 'cash_hand_in')!;
  expect(handIn.dueAt).toBe(computeDue(calendar, now, { amount: 2, unit: 'workday' }).due);
  const [c] = await db().query('SELECT status, stage, procedure FROM cases WHERE id = $1', [caseId]);
  expect(c).toEqual({ status: 'decided', stage: 'service', procedure: 'summary' });

  await ts.env.sleep(Date.parse(handIn.dueAt!) - (await ts.env.currentTimeMs()) + 60_000);
  const [esc] = await eventually(async () => {
    const rows = await db().query('SELECT kind, must_act FROM escalations WHERE case_id = $1', [caseId]);
    return rows.length ? rows : undefined;
  });
  expect(esc).toEqual({ kind: 'cash_hand_in_overdue', must_act: [{ role: 'officer', userId: xlt.officer.id }, { role: 'unit_head' }] });

  const handle = ts.env.client.workflow.getHandle(workflowIdForSummary(caseId));
  await handle.executeUpdate(completeTaskUpdate, {
    args: [{ taskId: handIn.id, by: xlt.officer, decision: 'handed_in', opinion: '已交财务科' }],
  });
  const filing = (await handle.query(caseStateQuery)).openTasks.find((t) => t.kind === 'summary_filing')!;
  await handle.executeUpdate(completeTaskUpdate, {
    args: [{ taskId: filing.id, by: xlt.unitHead, decision: 'filed', opinion: '已备案：决定书、收据' }],
  });
  await handle.result();
  const lines = await db().query(`SELECT action, summary FROM case_records WHERE case_id = $1 ORDER BY seq`, [caseId]);
  // The 当场行政处罚决定书 made; the workflow ended only once it was.
  expect(stepsAndDocuments(lines.map((l: { action: string }) => l.action))).toEqual({
    steps: ['decision_issued', 'fine_collected', 'deadline_escalated', 'task_completed', 'task_completed', 'case_ended'],
    documents: 1,
  });
  expect(lines.filter((l: { action: string }) => l.action === 'task_completed')[0].summary).toContain('（逾期）');
});

it('a fine not paid on the spot starts its execution: 15 days from the decision handed over at the scene (行政处罚法 52, 67)', async () => {
  const xlt = await staffOf(db(), 'xlt', profile.id);
  const caseId = randomUUID();
  const now = await ts.now();
  const input = onTheSpot(xlt, caseId, now, '兴民简〔2026〕4号', { fineFen: 5_000 });
  // Unpaid: the execution it starts serves and runs on these parts of the profile too.
  input.profile = { ...input.profile, service: profile.service, audiovisual: profile.investigation.audiovisual };
  await register(input);
  const execution = ts.env.client.workflow.getHandle(workflowIdForExecution(caseId));
  const view = await eventually(async () =>
    (await db().query('SELECT 1 FROM executions WHERE case_id = $1', [caseId])).length ? execution.query(executionQuery, now) : undefined,
  );
  expect(view).toMatchObject({
    state: 'performing',
    fineFen: 5_000,
    payment: { dueAt: computeDue(calendar, now, { amount: 15, unit: 'day' }).due },
  });
  const summary = ts.env.client.workflow.getHandle(workflowIdForSummary(caseId));
  const filing = (await summary.query(caseStateQuery)).openTasks.find((t) => t.kind === 'summary_filing')!;
  await summary.executeUpdate(completeTaskUpdate, {
    args: [{ taskId: filing.id, by: xlt.unitHead, decision: 'filed', opinion: '已备案' }],
  });
  await summary.result();
  // The case is not ended by the filing: its execution ends it.
  const [c] = await db().query('SELECT status, stage FROM cases WHERE id = $1', [caseId]);
  expect(c).toEqual({ status: 'decided', stage: 'execution' });
  await keepHistory(summary, 'summary-execution-started');
});
