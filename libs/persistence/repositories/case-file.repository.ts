import { Injectable } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import type { StoredEntry } from '../record-chain';
import type { CaseHead, DayHead } from '../day-heads';
import { ArchiveEntity } from '../entities/archive.entity';

/** One line of the file before it is archived: a document of the record, or a written or audio-video record. */
export interface CatalogueRow {
  recordId: string | null;
  kind: 'record' | 'written' | 'audiovisual';
  title: string;
  at: Date;
  sha256: string | null;
  metadata: Record<string, string> | null;
}

/** What the case file is assembled and checked from: the record, the evidence and its files, the archive. */
@Injectable()
export class CaseFileRepository {
  private readonly archives: Repository<ArchiveEntity>;

  constructor(private readonly db: DataSource) {
    this.archives = db.getRepository(ArchiveEntity);
  }

  archiveOf(caseId: string): Promise<ArchiveEntity | null> {
    return this.archives.findOneBy({ caseId });
  }

  /** The record's entries in order, as stored (with their hashes), for the chain check. */
  recordEntries(caseId: string): Promise<StoredEntry[]> {
    return this.db.query('SELECT * FROM case_records WHERE case_id = $1 ORDER BY seq', [caseId]);
  }

  /** Every stored audio-video file of the case's records, by content hash, with its media type. */
  async avFiles(caseId: string): Promise<{ recordId: string; sha256: string; mediaType: string }[]> {
    const rows: { record_id: string; sha256: string; media_type: string }[] = await this.db.query(
      'SELECT f.record_id, f.sha256, f.media_type FROM av_files f JOIN evidence_records e ON e.id = f.record_id WHERE e.case_id = $1',
      [caseId],
    );
    return rows.map((r) => ({ recordId: r.record_id, sha256: r.sha256, mediaType: r.media_type }));
  }

  /** The day heads (每日链头) that pin one of this case's chain heads, in day order. */
  async dayHeadsOf(caseId: string): Promise<DayHead[]> {
    const rows: { day: string; prev_hash: string | null; cases: CaseHead[]; hash: string }[] = await this.db.query(
      'SELECT day::text AS day, prev_hash, cases, hash FROM record_day_heads WHERE cases @> $1::jsonb ORDER BY day',
      [JSON.stringify([{ caseId }])],
    );
    return rows.map((r) => ({ day: r.day, prevHash: r.prev_hash, cases: r.cases, hash: r.hash }));
  }

  /** The record's entries whose action is one of `documentActions`, and every evidence record with its file, by time. */
  async catalogueRows(caseId: string, documentActions: string[]): Promise<CatalogueRow[]> {
    const rows: (Omit<CatalogueRow, 'recordId'> & { record_id: string | null })[] = await this.db.query(
      `SELECT NULL::uuid AS record_id, 'record' AS kind, summary AS title, at, NULL AS sha256, NULL::jsonb AS metadata FROM case_records WHERE case_id = $1 AND action = ANY($2)
       UNION ALL
       SELECT e.id, e.category, e.title, e.recorded_at, f.sha256, e.metadata FROM evidence_records e LEFT JOIN av_files f ON f.record_id = e.id WHERE e.case_id = $1
       ORDER BY at`,
      [caseId, documentActions],
    );
    return rows.map(({ record_id, ...r }) => ({ recordId: record_id, ...r }));
  }

  /** The actions the case's record holds. */
  async recordActions(caseId: string): Promise<Set<string>> {
    const rows: { action: string }[] = await this.db.query('SELECT DISTINCT action FROM case_records WHERE case_id = $1', [caseId]);
    return new Set(rows.map((r) => r.action));
  }
}
