import { Injectable } from '@nestjs/common';
import { DataSource, In, Repository } from 'typeorm';
import type { Confidentiality } from '../../domain/access';
import { RecordEntryInput } from '../../domain/record';
import { appendRecord } from '../append-record';
import { AvFileEntity, EvidenceRecordEntity } from '../entities/evidence.entity';
import { RecordFlagEntity } from '../entities/record-flag.entity';

/** A flagged record of a case with its flags, to match against a case file's catalogue. */
export interface FlaggedRecord {
  id: string;
  category: string;
  title: string;
  recordedAt: Date;
  flags: Confidentiality[];
}

/**
 * Tables `evidence_records`, `av_files` and `record_flags`: the investigation's records, their
 * stored files and their confidentiality flags. Records and files are written by activities.
 */
@Injectable()
export class EvidenceRepository {
  private readonly records: Repository<EvidenceRecordEntity>;
  private readonly files: Repository<AvFileEntity>;
  private readonly flags: Repository<RecordFlagEntity>;

  constructor(private readonly db: DataSource) {
    this.records = db.getRepository(EvidenceRecordEntity);
    this.files = db.getRepository(AvFileEntity);
    this.flags = db.getRepository(RecordFlagEntity);
  }

  byId(id: string): Promise<EvidenceRecordEntity | null> {
    return this.records.findOneBy({ id });
  }

  ofCase(caseId: string, id: string, category?: EvidenceRecordEntity['category']): Promise<EvidenceRecordEntity | null> {
    return this.records.findOneBy({ id, caseId, ...(category && { category }) });
  }

  /** In the order they were made. */
  page(caseId: string, skip: number, take: number): Promise<[EvidenceRecordEntity[], number]> {
    return this.records.findAndCount({ where: { caseId }, order: { recordedAt: 'ASC', createdAt: 'ASC', id: 'ASC' }, skip, take });
  }

  /** Which of these ids are records of the case, and of what category. */
  async categories(caseId: string, ids: string[]): Promise<{ id: string; category: string }[]> {
    if (!ids.length) return [];
    return this.db.query('SELECT id, category FROM evidence_records WHERE case_id = $1 AND id = ANY($2::uuid[])', [caseId, ids]);
  }

  file(recordId: string): Promise<AvFileEntity | null> {
    return this.files.findOneBy({ recordId });
  }

  filesOf(recordIds: string[]): Promise<AvFileEntity[]> {
    return recordIds.length ? this.files.findBy({ recordId: In(recordIds) }) : Promise.resolve([]);
  }

  /** Each record's flags, in a stable order. */
  async flagsOf(recordIds: string[]): Promise<Map<string, Confidentiality[]>> {
    const rows = recordIds.length ? await this.flags.find({ where: { recordId: In(recordIds) }, order: { flag: 'ASC' } }) : [];
    const flags = new Map<string, Confidentiality[]>();
    for (const r of rows) flags.set(r.recordId, [...(flags.get(r.recordId) ?? []), r.flag]);
    return flags;
  }

  /** The case's flagged records with their flags. */
  async flaggedOfCase(caseId: string): Promise<FlaggedRecord[]> {
    const rows: { id: string; category: string; title: string; recorded_at: Date; flags: Confidentiality[] }[] = await this.db.query(
      `SELECT e.id, e.category, e.title, e.recorded_at, array_agg(f.flag ORDER BY f.flag) AS flags
         FROM record_flags f JOIN evidence_records e ON e.id = f.record_id WHERE e.case_id = $1 GROUP BY e.id`,
      [caseId],
    );
    return rows.map((r) => ({ id: r.id, category: r.category, title: r.title, recordedAt: r.recorded_at, flags: r.flags }));
  }

  /** Adds the flag and its record entry in one transaction; a flag the record already has changes nothing. */
  async addFlag(flag: RecordFlagEntity, entry: RecordEntryInput): Promise<void> {
    await this.db.transaction(async (m) => {
      const added = await m.query(
        `INSERT INTO record_flags (record_id, flag, reason, flagged_by, flagged_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING flag`,
        [flag.recordId, flag.flag, flag.reason, flag.flaggedBy, flag.flaggedAt.toISOString()],
      );
      if (added.length) await appendRecord(m, entry);
    });
  }
}
