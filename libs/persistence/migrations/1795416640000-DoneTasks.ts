import { MigrationInterface, QueryRunner } from 'typeorm';

/** 已办: a person's completed tasks, most recently completed first, read by one index. */
export class DoneTasks1795416640000 implements MigrationInterface {
  name = 'DoneTasks1795416640000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX tasks_done_by_idx ON tasks (completed_by, completed_at DESC) WHERE status = 'completed'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX tasks_done_by_idx');
  }
}
