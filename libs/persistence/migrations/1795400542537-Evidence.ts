import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Investigation records (written and audiovisual), the audiovisual files stored by content hash,
 * and defects flagged on a case. Records are appended, never edited: a correction is a new record
 * that points to the one it corrects.
 */
export class Evidence1795400542537 implements MigrationInterface {
  name = 'Evidence1795400542537';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evidence_records (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        category text NOT NULL CHECK (category IN ('written', 'audiovisual')),
        kind text NOT NULL,
        title text NOT NULL,
        content jsonb NOT NULL DEFAULT '{}',
        producer_id uuid NOT NULL REFERENCES users(id),
        officers jsonb NOT NULL DEFAULT '[]',
        signatures jsonb,
        rights_told jsonb,
        av_record_ids uuid[] NOT NULL DEFAULT '{}',
        av_omission_reason text,
        av_verdict text,
        metadata jsonb,
        used_as_evidence boolean,
        upload_task_id uuid,
        upload_due_at timestamptz,
        retention_until date,
        legal_basis text,
        corrects_id uuid REFERENCES evidence_records(id),
        correction_reason text,
        recorded_at timestamptz NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX evidence_records_case_idx ON evidence_records (case_id, recorded_at)');
    await q.query(`
      CREATE TABLE av_files (
        record_id uuid PRIMARY KEY REFERENCES evidence_records(id),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size bigint NOT NULL,
        media_type text NOT NULL,
        stored_at timestamptz NOT NULL,
        on_time boolean NOT NULL
      )`);
    await q.query(`
      CREATE TABLE case_defects (
        id text PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        record_id uuid REFERENCES evidence_records(id),
        kind text NOT NULL,
        description text NOT NULL,
        legal_basis text NOT NULL,
        flagged_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX case_defects_case_idx ON case_defects (case_id)');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_defects');
    await q.query('DROP TABLE av_files');
    await q.query('DROP TABLE evidence_records');
  }
}
