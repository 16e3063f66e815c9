import type { temporal } from '@temporalio/proto';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** One run of an activity as a workflow history shows it: an activity task, or a local activity's marker. */
export interface ActivityRun {
  type: string;
  attempt: number;
  local: boolean;
}

/**
 * The activities a history ran. Since `local-writes` the short writes are local activities: no
 * activity task, a `core_local_activity` marker whose data names the type and the attempt.
 */
export function activityRuns(events: HistoryEvent[]): ActivityRun[] {
  const runs: ActivityRun[] = [];
  const scheduled = new Map<string, string>();
  for (const e of events) {
    const s = e.activityTaskScheduledEventAttributes;
    if (s) scheduled.set(String(e.eventId), s.activityType?.name ?? '');
    const started = e.activityTaskStartedEventAttributes;
    if (started) {
      const type = scheduled.get(String(started.scheduledEventId)) ?? '';
      runs.push({ type, attempt: started.attempt ?? 1, local: false });
    }
    const m = e.markerRecordedEventAttributes;
    const data = m?.markerName === 'core_local_activity' ? m.details?.data?.payloads?.[0]?.data : undefined;
    if (data) {
      const d = JSON.parse(Buffer.from(data).toString('utf8'));
      runs.push({ type: d.activity_type, attempt: d.attempt, local: true });
    }
  }
  return runs;
}
