import { temporal } from '@temporalio/proto';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DueTime } from '#libs/domain/deadlines';
import { Actor } from '#libs/domain/roles';
import { AttemptInput } from '#libs/domain/service';
import { workflowIdForArchive } from '#libs/messages/archiving';
import { caseStateQuery, completeTaskUpdate } from '#libs/messages/tasks';
import { AvEvidence, requestExtensionUpdate, takeMeasureUpdate } from '#libs/messages/investigation';
import { recordServiceOutcomeUpdate } from '#libs/messages/service';
import { preDecisionNoticeQuery, recordPreDecisionNoticeServedUpdate } from '#libs/messages/decision';
import { findProfile } from '#libs/profiles/index';
import type { archiveWorkflow } from '#workflows/archiving/workflows';
import { DueQuery } from '#api/supervision/supervision.dto';
import { SupervisionService } from '#api/supervision/supervision.service';
import { CasesRepository } from '#libs/persistence/repositories/cases.repository';
import { SupervisionRepository } from '#libs/persistence/repositories/supervision.repository';
import { eventually } from './database';
import { expectEveryDueFlagged, schedule } from './estimates';
import { staffOf } from './review';
import { TimeSkipping, insertFiledCase, startDecision, startExecution, startInvestigation, startService } from './time-skipping';
import { evidenceRecord } from './evidence-record';

// The cases of test/workflow/estimates-everywhere.test.ts and estimates-court-window.test.ts, one per stage, and every deadline they show
// (what the API and the supervisor's due list read). Fictional years far ahead of any real clock: 2031
// published, 2032 not.

export const profile = findProfile('huayin-housing')!;
export type Staff = { officer: Actor; chief: Actor };
export const y2031 = schedule(2031, [['2031-01-01']]);

/** Huayin's staff, once the server's clock is moved to 2031-12-29. */
export async function estimatesStaff(ts: TimeSkipping): Promise<Staff> {
  const hy = await staffOf(ts.database.db, 'hy', profile.id);
  await ts.env.sleep(Date.parse('2031-12-29T09:00:00+08:00') - (await ts.env.currentTimeMs()));
  return hy;
}

/** The open task of that kind, once the workflow has it. */
export const openTask = (
  handle: { query: (q: typeof caseStateQuery) => Promise<{ openTasks: { id: string; kind: string }[] }> },
  kind: string,
) => eventually(async () => (await handle.query(caseStateQuery)).openTasks.find((t) => t.kind === kind));

/** Starts one case per stage, each on a calendar that knows 2031 only; returns their case ids. */
export async function startCases(ts: TimeSkipping, hy: Staff) {
  const calendar = [y2031];
  const at = await ts.now();
  const decision = await startDecision(ts, profile.id, hy.officer.id, { calendar, filedAt: at });
  await decision.handle.executeUpdate(recordPreDecisionNoticeServedUpdate, {
    args: [{ servedAt: at, rights: ['statement', 'defence', 'hearing'], method: '直接送达', by: hy.officer }],
  });

  const investigation = await startInvestigation(ts, profile.id, hy.officer.id, { calendar });
  const rule = profile.investigation.sealSeize;
  const measure = await investigation.handle.executeUpdate(takeMeasureUpdate, {
    args: [
      {
        measureId: randomUUID(),
        kind: 'seize',
        object: '涉案建材一批',
        takenAt: at,
        recordId: null,
        by: hy.officer,
        period: rule.period,
        extension: rule.extension.period,
        legalBasis: '行政强制法第二十五条',
        extensionBasis: '行政强制法第二十五条第二款',
      },
    ],
  });
  // The case that was wrong: an extended seizure's end stayed on a day the loaded schedule made a holiday.
  await investigation.handle.executeUpdate(requestExtensionUpdate, {
    args: [{ measureId: measure.id, reason: '案情复杂', by: hy.officer }],
  });
  const ext = await openTask(investigation.handle, 'measure_extension');
  await investigation.handle.executeUpdate(completeTaskUpdate, {
    args: [{ taskId: ext.id, by: hy.chief, decision: 'approve', opinion: '同意延长' }],
  });

  // One service with a direct attempt pending and the 7 working days of 行政处罚法 61 running;
  // another served by public notice after a failed direct attempt.
  const mustServeWithin = {
    from: at,
    period: profile.service.absentParty.period,
    legalBasis: '《中华人民共和国行政处罚法》第六十一条第一款',
  };
  const direct = await startService(ts, profile.id, hy.officer.id, { calendar, mustServeWithin });
  const attempt = async (h: typeof direct.handle, a: Omit<AttemptInput, 'startedAt'>) =>
    h.executeUpdate(completeTaskUpdate, {
      args: [
        {
          taskId: (await openTask(h, 'service_attempt')).id,
          by: hy.officer,
          decision: 'attempted',
          opinion: '送达',
          attempt: { ...a, startedAt: at },
        },
      ],
    });
  await attempt(direct.handle, { method: 'direct' });
  const notice = await startService(ts, profile.id, hy.officer.id, { calendar });
  await attempt(notice.handle, { method: 'direct' });
  await notice.handle.executeUpdate(recordServiceOutcomeUpdate, {
    args: [{ outcome: 'failed', at, failureReason: '下落不明', by: hy.officer }],
  });
  const recording: AvEvidence = {
    record: evidenceRecord({
      caseId: notice.caseId,
      category: 'audiovisual',
      kind: 'video',
      title: '公告录像',
      producerId: hy.officer.id,
      recordedAt: at,
    }),
    upload: { from: at, period: { amount: 24, unit: 'hour' }, legalBasis: '测试' },
  };
  await attempt(notice.handle, {
    method: 'public_notice',
    publicNotice: { carrier: 'newspaper', place: '华阴日报', audiovisual: recording },
  });

  const execution = await startExecution(ts, profile.id, hy.officer.id, 100_000, undefined, undefined, {
    calendar,
    decision: { documentNumber: '测试罚〔2031〕1号', servedAt: at },
  });

  const archived = randomUUID();
  await insertFiledCase(ts, archived, profile, hy.officer.id);
  await ts.env.client.workflow.start<typeof archiveWorkflow>('archiveWorkflow', {
    taskQueue: ts.taskQueue,
    workflowId: workflowIdForArchive(archived),
    args: [
      {
        caseId: archived,
        agencyId: profile.id,
        endedAt: at,
        profile: { regulationTitle: profile.regulation.title, archiving: profile.archiving },
        calendar,
      },
    ],
  });
  return {
    caseIds: [decision.caseId, investigation.caseId, direct.caseId, notice.caseId, execution.caseId, archived],
    decision: decision.handle,
  };
}

export type Shown = { kind: string; caseId: string; due: DueTime; where: string };

/** The supervisor's due list (GET /supervision/due) and its CSV, for these cases and the kinds it lists that the stages here hold. */
export async function dueList(ts: TimeSkipping, chief: Actor, caseIds: string[]) {
  const db = () => ts.database.db;
  const supervision = new SupervisionService(new SupervisionRepository(db()), new CasesRepository(db()));
  const q = Object.assign(new DueQuery(), { state: 'due', pageSize: 100, asOf: await ts.now() });
  const kinds = ['task:archive_file', 'deadline:decision', 'measure:seize', 'service', 'payment'];
  const items = (await supervision.due(chief, q)).items.filter((i) => caseIds.includes(i.caseId) && kinds.includes(i.kind));
  const csv = (await supervision.csv(chief, q)).split('\r\n').filter((l) => caseIds.some((id) => l.startsWith(id)));
  return { items, csv, kinds };
}
const years = (v: unknown): number[] => (v as number[] | null) ?? [];

/** Every deadline the projections (what the API and the due list read) show for these cases. */
export async function shown(ts: TimeSkipping, { caseIds, decision }: Awaited<ReturnType<typeof startCases>>): Promise<Shown[]> {
  const db = () => ts.database.db;
  const out: Shown[] = [];
  const q = (sql: string) => db().query(sql, [caseIds]);
  for (const t of await q(
    `SELECT case_id, kind, due_at, due_complete, due_missing_years FROM tasks WHERE case_id = ANY($1) AND status = 'open' AND kind = 'archive_file'`,
  )) {
    out.push({
      kind: `task:${t.kind}`,
      caseId: t.case_id,
      due: { dueAt: t.due_at.toISOString(), complete: t.due_complete, missingYears: years(t.due_missing_years) },
      where: 'tasks',
    });
  }
  for (const d of await q(`SELECT case_id, kind, due_at, due_complete, due_missing_years FROM case_deadlines WHERE case_id = ANY($1)`)) {
    out.push({
      kind: d.kind,
      caseId: d.case_id,
      due: { dueAt: d.due_at.toISOString(), complete: d.due_complete, missingYears: years(d.due_missing_years) },
      where: 'case_deadlines',
    });
  }
  for (const m of await q(`SELECT case_id, due_at, due_complete, due_missing_years FROM coercive_measures WHERE case_id = ANY($1)`)) {
    out.push({
      kind: 'measure_end',
      caseId: m.case_id,
      due: { dueAt: m.due_at.toISOString(), complete: m.due_complete, missingYears: years(m.due_missing_years) },
      where: 'coercive_measures',
    });
  }
  for (const table of ['services', 'executions']) {
    for (const r of await q(`SELECT case_id, view FROM ${table} WHERE case_id = ANY($1)`)) {
      expectEveryDueFlagged(r.view);
      for (const [kind, due] of Object.entries(r.view.deadlines ?? {}))
        out.push({ kind, caseId: r.case_id, due: due as DueTime, where: table });
    }
  }
  // The notice is read from its workflow (the API queries it too).
  const notice = await decision.query(preDecisionNoticeQuery);
  expectEveryDueFlagged(notice);
  for (const [kind, due] of Object.entries(notice.deadlines ?? {}))
    out.push({ kind, caseId: caseIds[0], due: due as DueTime, where: 'notice' });
  return out;
}

/** Writes the histories of this run for the replay test (opt-in: LAWTRAIL_RECORD_HISTORIES=1), one per stage re-armed by a schedule. */
export async function recordHistories(ts: TimeSkipping, ids: string[]): Promise<void> {
  const names: Record<string, string> = {
    decision: 'decision',
    investigation: 'investigation-measure',
    service: 'service',
    execution: 'execution',
    archive: 'archive',
  };
  const seen = new Set<string>();
  for (const id of ids) {
    const stage = Object.keys(names).find((k) => id.startsWith(`${k}-`));
    if (!stage || seen.has(stage)) continue;
    seen.add(stage);
    const history = await ts.env.client.workflow.getHandle(id).fetchHistory();
    const json = temporal.api.history.v1.History.toObject(history as temporal.api.history.v1.History, {
      longs: String,
      enums: String,
      bytes: String,
    });
    writeFileSync(
      join(__dirname, '..', 'workflow', 'histories', `${names[stage]}-estimate-rearmed.json`),
      `${JSON.stringify(json, null, 1)}\n`,
    );
  }
}
