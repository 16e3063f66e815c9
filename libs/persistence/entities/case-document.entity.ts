import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DocumentKind } from '../../documents/kinds';

/** One version of a generated 执法文书; its bytes are stored under `sha256` (README "Documents"). */
@Entity({ name: 'case_documents' })
export class CaseDocumentEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ type: 'text' }) kind: DocumentKind;
  /** The number the document carries (a 决定书's 文号); null for one that carries none (a 送达回证). */
  @Column({ type: 'text', nullable: true }) number: string | null;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'text' }) sha256: string;
  @Column({ type: 'int' }) size: number;
  /** The time of the step that made it (its record entry's), which is also the PDF's creation date. */
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  /** The key of the record entry of the step that made it, e.g. `decision-issued`. */
  @Column({ name: 'step_ref', type: 'text' }) stepRef: string;
  @Column({ type: 'uuid', nullable: true }) replaces: string | null;
  /** Characters the font could not draw (printed blank), each once; empty when it drew every one. */
  @Column({ name: 'missing_characters', type: 'text', array: true, default: () => "'{}'" }) missingCharacters: string[];
}
