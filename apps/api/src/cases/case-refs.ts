import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FieldError } from '../common/api.exception';

/** One reference a request body makes to a record: the field, the id or ids, what the record must be. */
export interface RecordRef {
  field: string;
  ids: string | string[] | undefined;
  /** Only a written (or audiovisual) record will do. */
  category?: 'written' | 'audiovisual';
  code: string;
  message: string;
}

/**
 * Every id a request body names belongs to the same case, checked before Temporal is called: a
 * record of another case (or agency, or none) would otherwise reach the database as a foreign-key
 * violation inside an activity. The one place this SQL lives; services call it and refuse with the
 * field errors it returns (`ids[2]` for a list, the field itself for one id).
 */
@Injectable()
export class CaseRefs {
  constructor(private readonly db: DataSource) {}

  async unknownRecords(caseId: string, refs: RecordRef[]): Promise<FieldError[]> {
    const wanted = refs.flatMap((r) => (r.ids === undefined ? [] : [r.ids].flat()));
    if (!wanted.length) return [];
    const rows: { id: string; category: string }[] = await this.db.query(
      'SELECT id, category FROM evidence_records WHERE case_id = $1 AND id = ANY($2::uuid[])',
      [caseId, wanted],
    );
    const ok = (id: string, r: RecordRef) => rows.some((x) => x.id === id && (!r.category || x.category === r.category));
    return refs.flatMap((r) => {
      if (r.ids === undefined) return [];
      const one = typeof r.ids === 'string';
      return [r.ids].flat().flatMap((id, i) => (ok(id, r) ? [] : [{ field: one ? r.field : `${r.field}[${i}]`, code: r.code, message: r.message }]));
    });
  }
}
