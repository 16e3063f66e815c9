import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { CONFIDENTIALITY_LABELS, Confidentiality, canReadFlagged } from '#libs/domain/access';
import { CatalogueEntry } from '#libs/domain/case-file';
import { Actor } from '#libs/domain/roles';
import { chinaDate } from '#libs/calendar/dates';
import { CaseEntity } from '#libs/persistence/entities/case.entity';
import { AvFileEntity, EvidenceRecordEntity } from '#libs/persistence/entities/evidence.entity';
import { appendRecord } from '#libs/persistence/append-record';
import { CasesService } from '../cases/cases.service';
import { ApiException } from '../common/api.exception';
import { toEvidenceView } from './investigation.mapper';

type Flags = Map<string, Confidentiality[]>;

/** What a reader outside the circle sees instead of a flagged record's content. */
const redactedNote = (flags: Confidentiality[]) => `内容涉及${flags.map((f) => CONFIDENTIALITY_LABELS[f]).join('、')}，已隐去`;

/**
 * Records flagged as state secret, commercial secret or privacy: only the roles that review or keep
 * the file and the handling unit read them; others see that they exist, not what they say — on the
 * evidence endpoints and in the case file (案卷) alike. A read of a flagged record is written to the
 * case record once per reader, record and China day, even after the file is archived.
 */
@Injectable()
export class ConfidentialityService {
  constructor(
    private readonly cases: CasesService,
    private readonly db: DataSource,
    @InjectRepository(EvidenceRecordEntity) private readonly records: Repository<EvidenceRecordEntity>,
    @InjectRepository(AvFileEntity) private readonly files: Repository<AvFileEntity>,
  ) {}

  async flag(actor: Actor, caseId: string, recordId: string, flag: Confidentiality, reason: string) {
    await this.cases.findForActor(actor, caseId);
    const record = await this.records.findOneBy({ id: recordId, caseId });
    if (!record) throw new ApiException('RECORD_NOT_FOUND');
    const at = new Date().toISOString();
    await this.db.transaction(async (m) => {
      const added = await m.query(
        `INSERT INTO record_flags (record_id, flag, reason, flagged_by, flagged_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING flag`,
        [recordId, flag, reason, actor.id, at],
      );
      if (!added.length) return;
      await appendRecord(m, {
        caseId, key: `flag:${recordId}:${flag}`, actor, action: 'record_flagged',
        summary: `${actor.name}将「${record.title}」标记为${CONFIDENTIALITY_LABELS[flag]}：${reason}`, details: { recordId, flag },
      });
    });
    return { recordId, flags: (await this.flagsOf([recordId])).get(recordId) ?? [] };
  }

  /** The case's records in order; flagged ones redacted for a reader outside the circle, logged for one inside it. */
  async list(actor: Actor, caseId: string) {
    const c = await this.cases.findForActor(actor, caseId);
    const rows = await this.records.find({ where: { caseId }, order: { recordedAt: 'ASC', createdAt: 'ASC' } });
    const files = await this.files.findBy({ recordId: In(rows.map((r) => r.id)) });
    const flags = await this.flagsOf(rows.map((r) => r.id));
    const allowed = flags.size === 0 || (await this.mayRead(actor, c.handlingOfficerId));
    const views = rows.map((r) => this.shown(r, files.find((f) => f.recordId === r.id), flags.get(r.id), allowed));
    if (allowed) await this.logReads(actor, caseId, rows.filter((r) => flags.has(r.id)));
    return views;
  }

  async one(actor: Actor, caseId: string, recordId: string) {
    const c = await this.cases.findForActor(actor, caseId);
    const r = await this.records.findOneBy({ id: recordId, caseId });
    if (!r) throw new ApiException('RECORD_NOT_FOUND');
    const flags = (await this.flagsOf([recordId])).get(recordId);
    if (flags && !(await this.mayRead(actor, c.handlingOfficerId))) throw new ApiException('RECORD_CONFIDENTIAL');
    if (flags) await this.logReads(actor, caseId, [r]);
    return this.shown(r, (await this.files.findOneBy({ recordId })) ?? undefined, flags, true);
  }

  /**
   * The case file's catalogue as this reader may see it: a flagged record's storage and metadata
   * (transcript, fact proven, where the file lies) hidden outside the circle, its read recorded inside
   * it. Entries are matched by record id, or — in a file archived before catalogues carried it — by
   * kind, title and time.
   */
  async catalogue(actor: Actor, c: CaseEntity, entries: CatalogueEntry[]): Promise<CatalogueEntry[]> {
    const flagged: { id: string; category: string; title: string; recorded_at: Date; flags: Confidentiality[] }[] = await this.db.query(
      `SELECT e.id, e.category, e.title, e.recorded_at, array_agg(f.flag ORDER BY f.flag) AS flags
         FROM record_flags f JOIN evidence_records e ON e.id = f.record_id WHERE e.case_id = $1 GROUP BY e.id`,
      [c.id],
    );
    if (!flagged.length) return entries;
    const of = (e: CatalogueEntry) =>
      e.kind === 'record' ? undefined : flagged.find((r) => (e.recordId ? r.id === e.recordId : r.category === e.kind && r.title === e.title && r.recorded_at.toISOString() === e.at));
    const allowed = await this.mayRead(actor, c.handlingOfficerId);
    const read = flagged.filter((r) => entries.some((e) => of(e) === r));
    if (allowed) await this.logReads(actor, c.id, read);
    return entries.map((e) => {
      const r = of(e);
      if (!r) return e;
      if (allowed) return { ...e, confidentiality: r.flags };
      return { ...e, ...(e.kind === 'audiovisual' && { storage: null, metadata: null }), confidentiality: r.flags, redacted: redactedNote(r.flags) };
    });
  }

  private shown(r: EvidenceRecordEntity, file: AvFileEntity | undefined, flags: Confidentiality[] | undefined, allowed: boolean) {
    const view = { ...toEvidenceView(r, file), confidentiality: flags ?? [] };
    if (!flags || allowed) return view;
    return { ...view, content: null, metadata: null, signatures: null, officers: [], redacted: redactedNote(flags) };
  }

  private async mayRead(actor: Actor, handlingOfficerId: string): Promise<boolean> {
    const units: { id: string; unit: string }[] = await this.db.query('SELECT id, unit FROM users WHERE id = ANY($1)', [[actor.id, handlingOfficerId]]);
    const unitOf = (id: string) => units.find((u) => u.id === id)?.unit ?? '';
    return canReadFlagged({ role: actor.role, unit: unitOf(actor.id) }, unitOf(handlingOfficerId));
  }

  private async flagsOf(ids: string[]): Promise<Flags> {
    if (!ids.length) return new Map();
    const rows: { record_id: string; flag: Confidentiality }[] = await this.db.query('SELECT record_id, flag FROM record_flags WHERE record_id = ANY($1) ORDER BY flag', [ids]);
    const flags: Flags = new Map();
    for (const r of rows) flags.set(r.record_id, [...(flags.get(r.record_id) ?? []), r.flag]);
    return flags;
  }

  /**
   * One line per reader, flagged record and China day: the entry's key carries the day, so the
   * database's (case, key) uniqueness makes every further read that day a no-op — a reader cannot
   * bloat the record by reading again.
   */
  private async logReads(actor: Actor, caseId: string, read: { id: string; title: string }[]): Promise<void> {
    if (!read.length) return;
    const day = chinaDate(new Date());
    await this.db.transaction(async (m) => {
      for (const r of read) {
        await appendRecord(m, {
          caseId, key: `read:${r.id}:${actor.id}:${day}`, actor, action: 'record_read',
          summary: `${actor.name}查阅涉密记录「${r.title}」`, details: { recordId: r.id, day },
        });
      }
    });
  }
}
