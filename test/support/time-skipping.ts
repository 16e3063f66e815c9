import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createActivities } from '#activities/index';
import { BUILT_IN_SCHEDULES } from '#libs/calendar/data/index';
import { escalationRules } from '#libs/domain/escalation';
import { DecisionInput, workflowIdForDecision } from '#libs/messages/decision';
import { InvestigationInput, workflowIdForInvestigation } from '#libs/messages/investigation';
import { ExecutionInput, workflowIdForExecution } from '#libs/messages/execution';
import { ServiceInput, workflowIdForService } from '#libs/messages/service';
import { findProfile } from '#libs/profiles/index';
import { dataConverter } from '#libs/temporal/data-converter';
import type { decisionWorkflow } from '#workflows/decision/workflows';
import type { investigationWorkflow } from '#workflows/investigation/workflows';
import type { executionWorkflow } from '#workflows/execution/workflows';
import type { serviceWorkflow } from '#workflows/service/workflows';
import { TestDatabase, freshDatabase } from './database';

export interface TimeSkipping {
  env: TestWorkflowEnvironment;
  database: TestDatabase;
  taskQueue: string;
  /** The test server's "now" (it skips ahead of the wall clock), as an ISO instant. */
  now(): Promise<string>;
  /** Skips the test server's time to `at` (epoch ms or an ISO instant), at least 1 ms so what is due then fires. */
  skipTo(at: number | string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Temporal's time-skipping test server with a real worker whose activities write to a fresh
 * PostgreSQL database: workflow tests see what people would see, and days pass in milliseconds.
 */
export async function startTimeSkipping(taskQueue: string): Promise<TimeSkipping> {
  const path = process.env.LAWTRAIL_TEST_SERVER_PATH;
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    client: { dataConverter },
    ...(path && { server: { executable: { type: 'existing-path', path } } }),
  });
  const database = await freshDatabase();
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    dataConverter,
    workflowBundle: { codePath: process.env.LAWTRAIL_TEST_BUNDLE! },
    activities: createActivities(database.db, env.client, mkdtempSync(join(tmpdir(), 'lawtrail-ts-'))),
  });
  const running = worker.run();
  return {
    env,
    database,
    taskQueue,
    now: async () => new Date(await env.currentTimeMs()).toISOString(),
    skipTo: async (at) => env.sleep(Math.max((typeof at === 'string' ? Date.parse(at) : at) - (await env.currentTimeMs()), 1)),
    async stop() {
      worker.shutdown();
      await running;
      await database.drop();
      await env.teardown();
    },
  };
}

/**
 * A case under investigation for workflow tests: its row (the records reference it) and its
 * investigation workflow running on the profile's current version and the shipped calendar.
 */
export async function startInvestigation(ts: TimeSkipping, profileId: string, officerId: string, o: Partial<InvestigationInput> = {}) {
  const profile = findProfile(profileId)!;
  const caseId = randomUUID();
  await insertFiledCase(ts, caseId, profile, officerId);
  const input: InvestigationInput = {
    caseId,
    agencyId: profile.id,
    status: 'initiated',
    profile: { id: profile.id, version: profile.version, regulationTitle: profile.regulation.title, investigation: profile.investigation },
    calendar: BUILT_IN_SCHEDULES,
    escalation: escalationRules(profile),
    ...o,
  };
  const handle = await ts.env.client.workflow.start<typeof investigationWorkflow>('investigationWorkflow', {
    taskQueue: ts.taskQueue,
    workflowId: workflowIdForInvestigation(caseId),
    args: [input],
  });
  return { caseId, handle, profile };
}

/** A filed case with its decision stage running, for workflow tests. */
export async function startDecision(ts: TimeSkipping, profileId: string, officerId: string, o: Partial<DecisionInput> = {}) {
  const profile = findProfile(profileId)!;
  const caseId = randomUUID();
  await insertFiledCase(ts, caseId, profile, officerId);
  const filedAt = await ts.now();
  const input: DecisionInput = {
    caseId,
    agencyId: profile.id,
    filedAt,
    handlingOfficerId: officerId,
    profile: {
      id: profile.id,
      version: profile.version,
      regulationTitle: profile.regulation.title,
      decision: profile.decision,
      service: profile.service,
      audiovisual: profile.investigation.audiovisual,
      execution: profile.execution,
      archiving: profile.archiving,
    },
    calendar: BUILT_IN_SCHEDULES,
    escalation: escalationRules(profile),
    ...o,
  };
  const handle = await ts.env.client.workflow.start<typeof decisionWorkflow>('decisionWorkflow', {
    taskQueue: ts.taskQueue,
    workflowId: workflowIdForDecision(caseId),
    args: [input],
  });
  return { caseId, handle, profile, filedAt: input.filedAt };
}

/** A document of a filed case being served, for workflow tests. */
export async function startService(ts: TimeSkipping, profileId: string, officerId: string, o: Partial<ServiceInput> = {}) {
  const profile = findProfile(profileId)!;
  const caseId = randomUUID();
  await insertFiledCase(ts, caseId, profile, officerId);
  const input: ServiceInput = {
    serviceId: randomUUID(),
    caseId,
    agencyId: profile.id,
    document: { kind: 'decision', title: '行政处罚决定书', number: '测试〔2026〕1号' },
    recipient: '王五',
    officerId,
    profile: {
      regulationTitle: profile.regulation.title,
      service: profile.service,
      investigation: { audiovisual: profile.investigation.audiovisual },
    },
    calendar: BUILT_IN_SCHEDULES,
    escalation: escalationRules(profile),
    ...o,
  };
  const handle = await ts.env.client.workflow.start<typeof serviceWorkflow>('serviceWorkflow', {
    taskQueue: ts.taskQueue,
    workflowId: workflowIdForService(caseId, input.serviceId),
    args: [input],
  });
  return { caseId, handle, profile, input };
}

/** A decision served now, under execution, for workflow tests. */
/** `countsFrom`: a decision deemed served on that China date (公告送达), served at the server's now (its 24:00). */
export async function startExecution(
  ts: TimeSkipping,
  profileId: string,
  officerId: string,
  fineFen: number | null,
  correction?: ExecutionInput['correction'],
  countsFrom?: string,
  o: Partial<ExecutionInput> = {},
) {
  const profile = findProfile(profileId)!;
  const caseId = randomUUID();
  await insertFiledCase(ts, caseId, profile, officerId);
  const servedAt = await ts.now();
  const input: ExecutionInput = {
    caseId,
    agencyId: profile.id,
    handlingOfficerId: officerId,
    profile: {
      regulationTitle: profile.regulation.title,
      execution: profile.execution,
      service: profile.service,
      audiovisual: profile.investigation.audiovisual,
      archiving: profile.archiving,
    },
    calendar: BUILT_IN_SCHEDULES,
    escalation: escalationRules(profile),
    decision: { documentNumber: '测试罚〔2026〕1号', servedAt, ...(countsFrom && { countsFrom }) },
    recipient: '王五',
    fineFen,
    correction,
    ...o,
  };
  const handle = await ts.env.client.workflow.start<typeof executionWorkflow>('executionWorkflow', {
    taskQueue: ts.taskQueue,
    workflowId: workflowIdForExecution(caseId),
    args: [input],
  });
  return { caseId, handle, profile, servedAt: input.decision.servedAt };
}

/** The case row a stage workflow's records refer to. */
export async function insertFiledCase(ts: TimeSkipping, caseId: string, profile: { id: string; version: number }, officerId: string) {
  await ts.database.db.query(
    `INSERT INTO cases (id, agency_id, profile_version, source, emergency, status, stage, handling_officer_id, form, workflow_id, started_at, updated_at)
     VALUES ($1, $2, $3, 'ex_officio', false, 'initiated', 'initiation', $4, '{}', 'test', now(), now())`,
    [caseId, profile.id, profile.version, officerId],
  );
}
