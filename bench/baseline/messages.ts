import { defineUpdate } from '@temporalio/workflow';

/** What the bare baseline understands: shared by its workflows and the bench's client. */
export const writeUpdate = defineUpdate<void, [string]>('benchWrite');
export const noopUpdate = defineUpdate<void, []>('benchNoop');
export const stopUpdate = defineUpdate<void, []>('benchStop');

/** The table every baseline activity writes one row into. */
export const BASELINE_TABLE = `CREATE TABLE IF NOT EXISTS bench_rows (
  workflow_id text NOT NULL, step text NOT NULL, at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workflow_id, step))`;

/** The fair lifecycle (fair.ts): answered once the case and its first task are written; each approval. */
export const fairRegisteredUpdate = defineUpdate<void, []>('fairRegistered');
export const fairStepUpdate = defineUpdate<void, []>('fairStep');

/**
 * How a step's writes are made inside its Update (scenario 2's mechanism baselines): one regular
 * activity, two in sequence (lawtrail's shape before issue 21), one local activity, or two local ones.
 */
export const MECHANISMS = ['one', 'two', 'local', 'local2'] as const;
export type Mechanism = (typeof MECHANISMS)[number];
export const stepUpdate = defineUpdate<void, [Mechanism]>('benchStep');
