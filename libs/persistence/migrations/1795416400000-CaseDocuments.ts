import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 执法文书 generated from the record: one row per document version, its bytes stored by SHA-256 beside
 * the audio-video files. Written in the transaction of the step that makes it, keyed by the step's
 * record entry (`step_ref`), so a retried step makes no second document. Append-only like the record: a
 * correction is a new version naming the one it `replaces`.
 */
export class CaseDocuments1795416400000 implements MigrationInterface {
  name = 'CaseDocuments1795416400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE case_documents (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases(id),
      kind text NOT NULL,
      number text,
      version int NOT NULL CHECK (version > 0),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      size int NOT NULL CHECK (size > 0),
      created_at timestamptz NOT NULL,
      step_ref text NOT NULL,
      replaces uuid REFERENCES case_documents(id),
      UNIQUE (case_id, kind, step_ref, version))`);
    await q.query('CREATE INDEX case_documents_case ON case_documents (case_id, created_at)');
    await q.query(`DO $$ BEGIN
      IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'lawtrail_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON case_documents FROM lawtrail_app;
      END IF;
    END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_documents');
  }
}
