import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The documents a step named and that are not made yet ('documents-after-step', issue 21): written in the
 * step's own transaction, removed in the document's. The workflow that makes them may be terminated
 * before it does (终结, 移送); what is left here is made by the case's closing (activities/documents/later.ts).
 * `failure`: a document the database refused for its integrity, kept with the reason instead of retried.
 */
export class PendingDocuments1795416730000 implements MigrationInterface {
  name = 'PendingDocuments1795416730000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pending_documents (
        case_id uuid NOT NULL REFERENCES cases(id),
        kind text NOT NULL,
        step_ref text NOT NULL,
        actor jsonb,
        named_at timestamptz NOT NULL DEFAULT now(),
        failure text,
        PRIMARY KEY (case_id, kind, step_ref)
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE pending_documents');
  }
}
