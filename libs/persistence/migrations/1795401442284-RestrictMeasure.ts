import { MigrationInterface, QueryRunner } from 'typeorm';

/** 限制人身自由 joins the coercive measures: no period of its own, the family told at once (行政强制法 20). */
export class RestrictMeasure1795401442284 implements MigrationInterface {
  name = 'RestrictMeasure1795401442284';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE coercive_measures DROP CONSTRAINT coercive_measures_kind_check');
    await q.query(`ALTER TABLE coercive_measures ADD CONSTRAINT coercive_measures_kind_check
      CHECK (kind IN ('seal', 'seize', 'freeze', 'restrict'))`);
    await q.query('ALTER TABLE coercive_measures ADD COLUMN family_notified jsonb');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE coercive_measures DROP COLUMN family_notified');
    await q.query("DELETE FROM coercive_measures WHERE kind = 'restrict'");
    await q.query('ALTER TABLE coercive_measures DROP CONSTRAINT coercive_measures_kind_check');
    await q.query("ALTER TABLE coercive_measures ADD CONSTRAINT coercive_measures_kind_check CHECK (kind IN ('seal', 'seize', 'freeze'))");
  }
}
