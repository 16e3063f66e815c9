import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The defects the seeds name, per case and per person, for 评议考核 (002 第三十四条): a mandatory
 * audio-video record not made, a recording stored late or not at all, a file archived late or not yet.
 */
export class Accountability1795408800000 implements MigrationInterface {
  name = 'Accountability1795408800000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW accountability_items AS
        SELECT c.agency_id, d.case_id, e.producer_id AS person_id, d.kind, d.flagged_at AS at, d.description
          FROM case_defects d JOIN cases c ON c.id = d.case_id LEFT JOIN evidence_records e ON e.id = d.record_id
        UNION ALL
        SELECT c.agency_id, e.case_id, e.producer_id, 'av_late', f.stored_at, '音像记录「' || e.title || '」逾期存储'
          FROM av_files f JOIN evidence_records e ON e.id = f.record_id JOIN cases c ON c.id = e.case_id
         WHERE NOT f.on_time
        UNION ALL
        SELECT c.agency_id, e.case_id, e.producer_id, 'av_not_stored', e.upload_due_at, '音像记录「' || e.title || '」逾期未存储'
          FROM evidence_records e JOIN cases c ON c.id = e.case_id LEFT JOIN av_files f ON f.record_id = e.id
         WHERE e.category = 'audiovisual' AND f.record_id IS NULL AND e.upload_due_at < now()
        UNION ALL
        SELECT c.agency_id, a.case_id, a.archived_by, 'archived_late', a.archived_at, '案卷逾期归档'
          FROM archives a JOIN cases c ON c.id = a.case_id
         WHERE NOT a.on_time
        UNION ALL
        SELECT c.agency_id, t.case_id, t.assignee_id, 'not_archived', t.due_at, '案卷逾期未归档'
          FROM tasks t JOIN cases c ON c.id = t.case_id
         WHERE t.kind = 'archive_file' AND t.status = 'open' AND t.due_at < now()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW accountability_items');
  }
}
