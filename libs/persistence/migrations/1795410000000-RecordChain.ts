import { MigrationInterface, QueryRunner } from 'typeorm';
import { StoredEntry, chainHash, fromRow } from '../record-chain';

/**
 * The case record becomes tamper-evident and append-only: each entry carries the SM3 link to the
 * one before (existing entries are linked here, in order), and a trigger refuses UPDATE, DELETE and
 * TRUNCATE — even for the owner — unless the session sets `lawtrail.maintenance = 'on'` (documented
 * in the README; every such session is an exceptional, audited act).
 */
export class RecordChain1795410000000 implements MigrationInterface {
  name = 'RecordChain1795410000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE case_records ADD COLUMN prev_hash text, ADD COLUMN hash text');
    const rows: StoredEntry[] = await q.query('SELECT * FROM case_records ORDER BY case_id, seq');
    let prev: { caseId: string; hash: string } | null = null;
    for (const r of rows) {
      const prevHash: string | null = prev?.caseId === r.case_id ? prev.hash : null;
      const hash = chainHash(prevHash, fromRow(r));
      await q.query('UPDATE case_records SET prev_hash = $2, hash = $3 WHERE case_id = $1 AND seq = $4', [
        r.case_id,
        prevHash,
        hash,
        r.seq,
      ]);
      prev = { caseId: r.case_id, hash };
    }
    await q.query('ALTER TABLE case_records ALTER COLUMN hash SET NOT NULL');
    await q.query(`
      CREATE FUNCTION lawtrail_refuse_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('lawtrail.maintenance', true) IS DISTINCT FROM 'on' THEN
          RAISE EXCEPTION '执法全过程记录只能追加，不能修改或删除（%）', TG_OP USING ERRCODE = '42501';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(
      'CREATE TRIGGER case_records_append_only BEFORE UPDATE OR DELETE ON case_records FOR EACH ROW EXECUTE FUNCTION lawtrail_refuse_record_change()',
    );
    await q.query(
      'CREATE TRIGGER case_records_no_truncate BEFORE TRUNCATE ON case_records FOR EACH STATEMENT EXECUTE FUNCTION lawtrail_refuse_record_change()',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER case_records_no_truncate ON case_records');
    await q.query('DROP TRIGGER case_records_append_only ON case_records');
    await q.query('DROP FUNCTION lawtrail_refuse_record_change()');
    await q.query('ALTER TABLE case_records DROP COLUMN hash, DROP COLUMN prev_hash');
  }
}
