import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The characters a generated document's font could not draw (they print blank): kept with the document so
 * the list and the file's reader see the gap, not only the record entry.
 */
export class DocumentGaps1795416400001 implements MigrationInterface {
  name = 'DocumentGaps1795416400001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_documents ADD COLUMN missing_characters text[] NOT NULL DEFAULT '{}'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE case_documents DROP COLUMN missing_characters');
  }
}
