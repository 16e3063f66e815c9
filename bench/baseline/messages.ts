import { defineUpdate } from '@temporalio/workflow';

/** What the bare baseline understands: shared by its workflows and the bench's client. */
export const writeUpdate = defineUpdate<void, [string]>('benchWrite');
export const noopUpdate = defineUpdate<void, []>('benchNoop');
export const stopUpdate = defineUpdate<void, []>('benchStop');

/** The table every baseline activity writes one row into. */
export const BASELINE_TABLE = `CREATE TABLE IF NOT EXISTS bench_rows (
  workflow_id text NOT NULL, step text NOT NULL, at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workflow_id, step))`;
