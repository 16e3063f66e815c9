import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { CONFIDENTIALITY_LABELS, Confidentiality, canReadFlagged } from '../../../../libs/domain/access';
import { Actor } from '../../../../libs/domain/roles';
import { AvFileEntity, EvidenceRecordEntity } from '../../../../libs/persistence/entities/evidence.entity';
import { appendRecord } from '../../../../libs/persistence/append-record';
import { CasesService } from '../cases/cases.service';
import { ApiException } from '../common/api.exception';
import { toEvidenceView } from './investigation.mapper';

type Flags = Map<string, Confidentiality[]>;

/**
 * Records flagged as state secret, commercial secret or privacy: only the roles that review or keep
 * the file and the handling unit read them; others see that they exist, not what they say. Every
 * read of a flagged record is written to the case record, even after the file is archived.
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

  private shown(r: EvidenceRecordEntity, file: AvFileEntity | undefined, flags: Confidentiality[] | undefined, allowed: boolean) {
    const view = { ...toEvidenceView(r, file), confidentiality: flags ?? [] };
    if (!flags || allowed) return view;
    return { ...view, content: null, metadata: null, signatures: null, officers: [], redacted: `内容涉及${flags.map((f) => CONFIDENTIALITY_LABELS[f]).join('、')}，已隐去` };
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

  /** One line per read of a flagged record: who read what, when. */
  private async logReads(actor: Actor, caseId: string, read: EvidenceRecordEntity[]): Promise<void> {
    if (!read.length) return;
    const at = new Date().toISOString();
    await this.db.transaction(async (m) => {
      for (const r of read) {
        await appendRecord(m, {
          caseId, key: `read:${r.id}:${actor.id}:${at}`, actor, action: 'record_read',
          summary: `${actor.name}查阅涉密记录「${r.title}」`, details: { recordId: r.id },
        });
      }
    });
  }
}
