import { Injectable } from '@nestjs/common';
import { CONFIDENTIALITY_LABELS, Confidentiality, canReadFlagged } from '#libs/domain/access';
import { CatalogueEntry } from '#libs/domain/case-file';
import { Actor } from '#libs/domain/roles';
import { chinaDate } from '#libs/calendar/dates';
import { CaseEntity } from '#libs/persistence/entities/case.entity';
import { AvFileEntity, EvidenceRecordEntity } from '#libs/persistence/entities/evidence.entity';
import { CaseRecordRepository } from '#libs/persistence/repositories/case-record.repository';
import { EvidenceRepository } from '#libs/persistence/repositories/evidence.repository';
import { UsersRepository } from '#libs/persistence/repositories/users.repository';
import { CasesService } from '../cases/cases.service';
import { ApiException } from '../common/api.exception';
import { PageQuery, pageOf, skipOf } from '../common/paging';
import { toEvidenceView } from './investigation.mapper';
import { EvidencePage, EvidenceReadResponse, FlagsResponse } from './investigation.response';

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
    private readonly records: EvidenceRepository,
    private readonly users: UsersRepository,
    private readonly caseRecord: CaseRecordRepository,
  ) {}

  async flag(actor: Actor, caseId: string, recordId: string, flag: Confidentiality, reason: string): Promise<FlagsResponse> {
    await this.cases.findForActor(actor, caseId);
    const record = await this.records.ofCase(caseId, recordId);
    if (!record) throw new ApiException('RECORD_NOT_FOUND');
    await this.records.addFlag(
      { recordId, flag, reason, flaggedBy: actor.id, flaggedAt: new Date() },
      {
        caseId,
        key: `flag:${recordId}:${flag}`,
        actor,
        action: 'record_flagged',
        summary: `${actor.name}将「${record.title}」标记为${CONFIDENTIALITY_LABELS[flag]}：${reason}`,
        details: { recordId, flag },
      },
    );
    return { recordId, flags: (await this.records.flagsOf([recordId])).get(recordId) ?? [] };
  }

  /** The case's records in order, a page at a time; flagged ones redacted for a reader outside the circle, logged for one inside it. */
  async list(actor: Actor, caseId: string, q: PageQuery): Promise<EvidencePage> {
    const c = await this.cases.findForActor(actor, caseId);
    const [rows, total] = await this.records.page(caseId, skipOf(q), q.pageSize);
    const ids = rows.map((r) => r.id);
    const files = await this.records.filesOf(ids);
    const flags = await this.records.flagsOf(ids);
    const allowed = flags.size === 0 || (await this.mayRead(actor, c.handlingOfficerId));
    const views = rows.map((r) =>
      this.shown(
        r,
        files.find((f) => f.recordId === r.id),
        flags.get(r.id),
        allowed,
      ),
    );
    if (allowed)
      await this.logReads(
        actor,
        caseId,
        rows.filter((r) => flags.has(r.id)),
      );
    return pageOf(views, total, q);
  }

  async one(actor: Actor, caseId: string, recordId: string): Promise<EvidenceReadResponse> {
    const c = await this.cases.findForActor(actor, caseId);
    const r = await this.records.ofCase(caseId, recordId);
    if (!r) throw new ApiException('RECORD_NOT_FOUND');
    const flags = (await this.records.flagsOf([recordId])).get(recordId);
    if (flags && !(await this.mayRead(actor, c.handlingOfficerId))) throw new ApiException('RECORD_CONFIDENTIAL');
    if (flags) await this.logReads(actor, caseId, [r]);
    return this.shown(r, (await this.records.file(recordId)) ?? undefined, flags, true);
  }

  /**
   * The case file's catalogue as this reader may see it: a flagged record's storage and metadata
   * (transcript, fact proven, where the file lies) hidden outside the circle, its read recorded inside
   * it. Entries are matched by record id, or — in a file archived before catalogues carried it — by
   * kind, title and time.
   */
  async catalogue(actor: Actor, c: CaseEntity, entries: CatalogueEntry[]): Promise<CatalogueEntry[]> {
    const flagged = await this.records.flaggedOfCase(c.id);
    if (!flagged.length) return entries;
    const of = (e: CatalogueEntry) =>
      e.kind === 'record'
        ? undefined
        : flagged.find((r) =>
            e.recordId ? r.id === e.recordId : r.category === e.kind && r.title === e.title && r.recordedAt.toISOString() === e.at,
          );
    const allowed = await this.mayRead(actor, c.handlingOfficerId);
    const read = flagged.filter((r) => entries.some((e) => of(e) === r));
    if (allowed) await this.logReads(actor, c.id, read);
    return entries.map((e) => {
      const r = of(e);
      if (!r) return e;
      if (allowed) return { ...e, confidentiality: r.flags };
      return {
        ...e,
        ...(e.kind === 'audiovisual' && { storage: null, metadata: null }),
        confidentiality: r.flags,
        redacted: redactedNote(r.flags),
      };
    });
  }

  /**
   * A document made from a record (its 询问笔录, 现场检查笔录) says what the record says: refused outside
   * the circle when the record is flagged, its read recorded inside it, as the record itself.
   */
  async readingRecordDocument(actor: Actor, c: CaseEntity, recordId: string): Promise<void> {
    const flags = (await this.records.flagsOf([recordId])).get(recordId);
    if (!flags) return;
    if (!(await this.mayRead(actor, c.handlingOfficerId))) throw new ApiException('RECORD_CONFIDENTIAL');
    const r = await this.records.ofCase(c.id, recordId);
    if (r) await this.logReads(actor, c.id, [r]);
  }

  /**
   * The whole file at once (the 案卷 PDF, the export package: every record as it is, for the agency's own
   * archive): refused outside the circle where a record is flagged, each flagged record's read recorded inside it.
   */
  async readWhole(actor: Actor, c: CaseEntity): Promise<void> {
    const flagged = await this.records.flaggedOfCase(c.id);
    if (!flagged.length) return;
    if (!(await this.mayRead(actor, c.handlingOfficerId))) throw new ApiException('RECORD_CONFIDENTIAL');
    await this.logReads(actor, c.id, flagged);
  }

  private shown(
    r: EvidenceRecordEntity,
    file: AvFileEntity | undefined,
    flags: Confidentiality[] | undefined,
    allowed: boolean,
  ): EvidenceReadResponse {
    const view = { ...toEvidenceView(r, file), confidentiality: flags ?? [] };
    if (!flags || allowed) return view;
    return { ...view, content: null, metadata: null, signatures: null, officers: [], redacted: redactedNote(flags) };
  }

  private async mayRead(actor: Actor, handlingOfficerId: string): Promise<boolean> {
    const units = await this.users.byIds([actor.id, handlingOfficerId]);
    const unitOf = (id: string) => units.find((u) => u.id === id)?.unit ?? '';
    return canReadFlagged({ role: actor.role, unit: unitOf(actor.id) }, unitOf(handlingOfficerId));
  }

  /**
   * One line per reader, flagged record and China day: the entry's key carries the day, so the
   * database's (case, key) uniqueness makes every further read that day a no-op — a reader cannot
   * bloat the record by reading again.
   */
  private async logReads(actor: Actor, caseId: string, read: { id: string; title: string }[]): Promise<void> {
    const day = chinaDate(new Date());
    await this.caseRecord.append(
      read.map((r) => ({
        caseId,
        key: `read:${r.id}:${actor.id}:${day}`,
        actor,
        action: 'record_read' as const,
        summary: `${actor.name}查阅涉密记录「${r.title}」`,
        details: { recordId: r.id, day },
      })),
    );
  }
}
