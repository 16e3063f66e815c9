import { temporal } from '@temporalio/proto';
import type { WorkflowHandle } from '@temporalio/client';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * With LAWTRAIL_RECORD_HISTORIES=1, stores the workflow's history so far as
 * test/workflow/histories/<name>.json for the replay test — once: a stored history is never rewritten.
 * Add a call where a workflow gains a path (a new `patched()` branch), run that test once with the
 * variable set, and commit the file. LAWTRAIL_HISTORIES_DIR stores them elsewhere instead, to
 * measure today's histories without touching the recorded ones (test/workflow/history-size.test.ts).
 */
export async function keepHistory(handle: WorkflowHandle, name: string): Promise<void> {
  if (!process.env.LAWTRAIL_RECORD_HISTORIES) return;
  const file = join(process.env.LAWTRAIL_HISTORIES_DIR ?? join(__dirname, '..', 'workflow', 'histories'), `${name}.json`);
  if (existsSync(file)) return;
  const history = await handle.fetchHistory();
  const plain = temporal.api.history.v1.History.toObject(history as temporal.api.history.v1.History, {
    longs: String,
    enums: String,
    bytes: String,
  });
  writeFileSync(file, `${JSON.stringify(plain, null, 1)}\n`);
}
