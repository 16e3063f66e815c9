import { Context } from '@temporalio/activity';
import { Pool } from 'pg';

/**
 * The baseline's only activity: one row, one statement, keyed so a retry changes nothing twice,
 * through a pool as large as lawtrail's (10). The same database server as lawtrail's.
 */
export function createBaselineActivities(pool: Pool) {
  return {
    async writeRow(step: string): Promise<void> {
      const { workflowId } = Context.current().info.workflowExecution!;
      await pool.query('INSERT INTO bench_rows (workflow_id, step) VALUES ($1, $2) ON CONFLICT DO NOTHING', [workflowId, step]);
    },
  };
}

export type BaselineActivities = ReturnType<typeof createBaselineActivities>;
