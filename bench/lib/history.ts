import { Client } from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { round } from './stats';

const E = temporal.api.enums.v1.EventType;
type Event = temporal.api.history.v1.IHistoryEvent;

/** One measured operation, as the bench saw it, and the workflow it reached. */
export interface OpTrace {
  workflowId: string;
  /** Epoch ms when the request left the bench, and when its answer arrived. */
  sentAt: number;
  answeredAt: number;
  /** `start`: from the workflow's first event; `update`: from the n-th Update the workflow accepted (0-based). */
  segment: { kind: 'start' } | { kind: 'update'; index: number };
}

/**
 * Where the time of an operation goes, averaged over a sample, in ms. Read from the workflow
 * histories the Temporal server keeps (its clock is this machine's), so lawtrail's code needs no
 * instrumentation:
 * - `beforeWorkflow`: request sent → the workflow's first event of the operation (HTTP, auth,
 *   validation, the API's reads, the Temporal client's call);
 * - `workflowTaskQueue` / `workflowTaskRun`: workflow tasks waiting for the worker / on the worker;
 * - `activityQueue` / `activityRun`: activities waiting for the worker / running (database writes);
 * - `serverOther`: the rest of the workflow's span (the server's own bookkeeping between events);
 * - `afterWorkflow`: the Update (or the workflow) completed → the answer arrived (the server's
 *   reply, the API's read-back of its projections, HTTP).
 */
export interface Breakdown {
  sample: number;
  total: number;
  beforeWorkflow: number;
  workflowTaskQueue: number;
  workflowTaskRun: number;
  activityQueue: number;
  activityRun: number;
  serverOther: number;
  afterWorkflow: number;
  workflowTasks: number;
  activities: number;
  /** Local activities: run inside a workflow task (their time is in `workflowTaskRun`), recorded as markers. */
  localActivities: number;
  /** Events the operation added to the history. */
  events: number;
  /**
   * Size of the workflow's whole history when it was read, in KiB (what the server stores and replays):
   * `fetchHistory` returns payloads as stored, so compressed ones count compressed.
   */
  historyKb: number;
}

export async function profileOps(client: Client, traces: OpTrace[], sample = 40): Promise<Breakdown | undefined> {
  const step = Math.max(1, Math.floor(traces.length / sample));
  const picked = traces.filter((_, i) => i % step === 0).slice(0, sample);
  const parts: Breakdown[] = [];
  for (const t of picked) {
    const history = await client.workflow.getHandle(t.workflowId).fetchHistory();
    const b = breakdown(history.events ?? [], t);
    if (b) parts.push({ ...b, historyKb: temporal.api.history.v1.History.encode(history).finish().length / 1024 });
  }
  if (!parts.length) return undefined;
  const mean = (k: keyof Breakdown) => round(parts.reduce((a, p) => a + p[k], 0) / parts.length);
  return {
    sample: parts.length,
    total: mean('total'),
    beforeWorkflow: mean('beforeWorkflow'),
    workflowTaskQueue: mean('workflowTaskQueue'),
    workflowTaskRun: mean('workflowTaskRun'),
    activityQueue: mean('activityQueue'),
    activityRun: mean('activityRun'),
    serverOther: mean('serverOther'),
    afterWorkflow: mean('afterWorkflow'),
    workflowTasks: mean('workflowTasks'),
    activities: mean('activities'),
    localActivities: mean('localActivities'),
    events: mean('events'),
    historyKb: mean('historyKb'),
  };
}

function breakdown(events: Event[], t: OpTrace): Breakdown | undefined {
  const at = (e: Event) => tsToMs(e.eventTime);
  let from = 0;
  if (t.segment.kind === 'update') {
    const accepted = events.map((e, i) => (e.eventType === E.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED ? i : -1)).filter((i) => i >= 0);
    const a = accepted[t.segment.index];
    if (a === undefined) return undefined;
    // The workflow task that took the Update in is part of it.
    from = a;
    while (from > 0 && events[from].eventType !== E.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED) from--;
  }
  const endTypes = [E.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED, E.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED];
  let to = from;
  while (to < events.length && !endTypes.includes(events[to].eventType!)) to++;
  if (to >= events.length) return undefined;

  const b: Breakdown = {
    sample: 1,
    total: t.answeredAt - t.sentAt,
    beforeWorkflow: at(events[from]) - t.sentAt,
    workflowTaskQueue: 0,
    workflowTaskRun: 0,
    activityQueue: 0,
    activityRun: 0,
    serverOther: 0,
    afterWorkflow: t.answeredAt - at(events[to]),
    workflowTasks: 0,
    activities: 0,
    localActivities: 0,
    events: to - from + 1,
    historyKb: 0,
  };
  const open = new Map<number, number>(); // scheduled event id → time
  for (let i = from; i <= to; i++) {
    const e = events[i];
    const id = Number(e.eventId);
    switch (e.eventType) {
      case E.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED:
      case E.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED:
        open.set(id, at(e));
        break;
      case E.EVENT_TYPE_WORKFLOW_TASK_STARTED: {
        const s = Number(e.workflowTaskStartedEventAttributes!.scheduledEventId);
        b.workflowTaskQueue += at(e) - (open.get(s) ?? at(e));
        open.set(id, at(e));
        break;
      }
      case E.EVENT_TYPE_WORKFLOW_TASK_COMPLETED: {
        const s = Number(e.workflowTaskCompletedEventAttributes!.startedEventId);
        b.workflowTaskRun += at(e) - (open.get(s) ?? at(e));
        b.workflowTasks++;
        break;
      }
      case E.EVENT_TYPE_ACTIVITY_TASK_STARTED: {
        const s = Number(e.activityTaskStartedEventAttributes!.scheduledEventId);
        b.activityQueue += at(e) - (open.get(s) ?? at(e));
        open.set(id, at(e));
        break;
      }
      case E.EVENT_TYPE_ACTIVITY_TASK_COMPLETED: {
        const s = Number(e.activityTaskCompletedEventAttributes!.startedEventId);
        b.activityRun += at(e) - (open.get(s) ?? at(e));
        b.activities++;
        break;
      }
      case E.EVENT_TYPE_MARKER_RECORDED:
        if (e.markerRecordedEventAttributes!.markerName === 'core_local_activity') b.localActivities++;
        break;
    }
  }
  const span = at(events[to]) - at(events[from]);
  b.serverOther = span - b.workflowTaskQueue - b.workflowTaskRun - b.activityQueue - b.activityRun;
  return b;
}

/** Mean number of events and size of the named workflows' histories. */
export async function historySizes(client: Client, workflowIds: string[]): Promise<{ workflows: number; events: number; kb: number }> {
  let events = 0;
  let bytes = 0;
  for (const id of workflowIds) {
    const h = await client.workflow.getHandle(id).fetchHistory();
    events += h.events?.length ?? 0;
    bytes += temporal.api.history.v1.History.encode(h).finish().length;
  }
  const n = Math.max(workflowIds.length, 1);
  return { workflows: workflowIds.length, events: round(events / n), kb: round(bytes / n / 1024) };
}
