import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily chain head across cases (每日链头): one row per China calendar day, the SM3 link of the
 * previous day's head and of the heads of the case chains that changed that day. Append-only like
 * `case_records`, by the same trigger function (RecordChain), so the owner too needs the maintenance flag.
 */
export class RecordDayHeads1795411260000 implements MigrationInterface {
  name = 'RecordDayHeads1795411260000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE record_day_heads (
        day date PRIMARY KEY,
        prev_hash text,
        cases jsonb NOT NULL,
        hash text NOT NULL,
        sealed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      'CREATE TRIGGER record_day_heads_append_only BEFORE UPDATE OR DELETE ON record_day_heads FOR EACH ROW EXECUTE FUNCTION lawtrail_refuse_record_change()',
    );
    await q.query(
      'CREATE TRIGGER record_day_heads_no_truncate BEFORE TRUNCATE ON record_day_heads FOR EACH STATEMENT EXECUTE FUNCTION lawtrail_refuse_record_change()',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    // DROP TABLE fires no row or TRUNCATE trigger: undoing the migration needs no maintenance flag.
    await q.query('DROP TABLE record_day_heads');
  }
}
