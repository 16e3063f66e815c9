import { MigrationInterface, QueryRunner } from 'typeorm';

/** The procedure a case follows: general (普通程序) or summary (简易程序, decided on the spot). */
export class SummaryProcedure1795405200000 implements MigrationInterface {
  name = 'SummaryProcedure1795405200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN procedure text NOT NULL DEFAULT 'general' CHECK (procedure IN ('general', 'summary'))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases DROP COLUMN procedure');
  }
}
