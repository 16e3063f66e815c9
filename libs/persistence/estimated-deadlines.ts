import type { DataSource, EntityManager } from 'typeorm';

/**
 * The running workflows that hold a deadline estimated for `year` (view `estimated_deadlines`:
 * open tasks, case-level deadlines, coercive measures, services and executions), to be told when
 * that year's schedule is loaded. A row written before the years were kept (empty list) is told too.
 */
export async function workflowsToRearm(db: DataSource | EntityManager, year: number): Promise<string[]> {
  const rows: { workflow_id: string }[] = await db.query(
    `SELECT DISTINCT workflow_id FROM estimated_deadlines WHERE $1 = ANY(missing_years) OR missing_years = '{}' ORDER BY workflow_id`,
    [year],
  );
  return rows.map((r) => r.workflow_id);
}
