import { Injectable } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { RecordEntryInput } from '../../domain/record';
import { appendRecord } from '../append-record';
import { RecordStoreResult, verifyRecordStore } from '../day-heads-store';
import { RecordVerification, verifyRecord } from '../record-verification-store';
import { CaseRecordEntity } from '../entities/case-record.entity';

/** Table `case_records` (the whole-process record) and its day heads: appended through the database, never edited. */
@Injectable()
export class CaseRecordRepository {
  private readonly records: Repository<CaseRecordEntity>;

  constructor(private readonly db: DataSource) {
    this.records = db.getRepository(CaseRecordEntity);
  }

  /** In the order the steps happened. */
  page(caseId: string, skip: number, take: number): Promise<[CaseRecordEntity[], number]> {
    return this.records.findAndCount({ where: { caseId }, order: { seq: 'ASC' }, skip, take });
  }

  /** Appends the entries in one transaction; an entry whose (case, key) exists changes nothing. */
  async append(entries: RecordEntryInput[]): Promise<void> {
    if (!entries.length) return;
    await this.db.transaction(async (m) => {
      for (const e of entries) await appendRecord(m, e);
    });
  }

  /** Every case chain and the day heads over them. */
  verify(): Promise<RecordStoreResult> {
    return verifyRecordStore(this.db);
  }

  /** From the last intact verification on (or in full), kept as the next one's checkpoint when intact. */
  verifySince(o: { full: boolean; by: string | null }): Promise<RecordVerification> {
    return verifyRecord(this.db, o);
  }
}
