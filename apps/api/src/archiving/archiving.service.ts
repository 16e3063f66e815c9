import { Injectable } from '@nestjs/common';
import { AccessRequestInput, accessRequestedUpdate } from '#libs/messages/access';
import { CalendarStore } from '../calendar/calendar.store';
import { notInFuture } from '../common/times';
import { CatalogueEntry, missingDocuments } from '#libs/domain/case-file';
import { verifyChain } from '#libs/persistence/record-chain';
import { Actor } from '#libs/domain/roles';
import { ArchiveForm } from '#libs/messages/archiving';
import { escalationRules } from '#libs/domain/escalation';
import { CasesService } from '../cases/cases.service';
import { ApiException } from '../common/api.exception';
import { derivedUuid } from '../common/idempotency';
import { AvStorage } from '../investigation/av-storage';
import { ConfidentialityService } from '../investigation/confidentiality.service';
import { CaseWorkflowsClient } from '../temporal/case-workflows.client';
import { AccessRequestDto, ArchiveDto } from './archiving.dto';
import { AccessRequestResponse, CaseFileResponse, VerifyResponse, mapArchive, mapCatalogueEntry } from './archiving.response';
import { CaseFileRepository } from '#libs/persistence/repositories/case-file.repository';
import { mapTaskRef } from '../common/stage-responses';

/** Record actions that are documents of the file (the rest of the record is its log). */
const DOCUMENT_ACTIONS = [
  'case_initiated',
  'notice_served',
  'statement_received',
  'hearing_held',
  'hearing_reported',
  'expert_review_recorded',
  'collective_discussion_recorded',
  'decision_issued',
  'document_served',
  'payment_recorded',
  'demand_notice_drafted',
  'court_application_filed',
  'court_result_recorded',
  'compulsory_execution_decided',
  'compulsory_execution_done',
  'case_ended',
];

/** The case file (案卷): its catalogue assembled from the record, the completeness check, and archiving it. */
@Injectable()
export class ArchivingService {
  constructor(
    private readonly cases: CasesService,
    private readonly workflows: CaseWorkflowsClient,
    private readonly files: CaseFileRepository,
    private readonly storage: AvStorage,
    private readonly confidentiality: ConfidentialityService,
    private readonly calendar: CalendarStore,
  ) {}

  /**
   * The archived file, or the file as it would be archived now with what is missing; flagged records
   * redacted for a reader outside the circle, and read by one inside it (ConfidentialityService).
   */
  async caseFile(actor: Actor, caseId: string): Promise<CaseFileResponse> {
    const c = await this.cases.findForActor(actor, caseId);
    const archived = await this.files.archiveOf(caseId);
    if (archived)
      return {
        status: 'archived',
        caseNumber: c.caseNumber,
        decisionNumber: c.decisionNumber,
        archive: mapArchive(archived, await this.confidentiality.catalogue(actor, c, archived.catalogue ?? [])),
      };
    const file = await this.assemble(caseId, c.procedure === 'summary');
    const catalogue = await this.confidentiality.catalogue(actor, c, file.catalogue);
    return {
      status: c.status === 'ended' ? 'ready' : 'open',
      caseNumber: c.caseNumber,
      decisionNumber: c.decisionNumber,
      catalogue: catalogue.map(mapCatalogueEntry),
      missing: file.missing,
    };
  }

  async archive(actor: Actor, caseId: string, dto: ArchiveDto): Promise<CaseFileResponse> {
    const c = await this.cases.findForActor(actor, caseId);
    const task = await this.workflows.openTask(caseId, 'archive_file');
    if (!task) throw new ApiException('ARCHIVE_NOT_OPEN');
    const file = await this.assemble(caseId, c.procedure === 'summary');
    const archive: ArchiveForm = { ...dto, ...file };
    await this.workflows.completeTask(
      task,
      actor,
      { decision: 'archived', opinion: `归档，存放于${dto.location}`, archive },
      JSON.stringify(dto),
    );
    return this.caseFile(actor, caseId);
  }

  /**
   * Integrity of the case's record (the SM3 chain, first broken entry named) and of its audio-video
   * files (each file's SHA-256 recomputed against the stored one).
   */
  async verify(actor: Actor, caseId: string): Promise<VerifyResponse> {
    await this.cases.findForActor(actor, caseId);
    const chain = verifyChain(await this.files.recordEntries(caseId));
    const avFiles = [];
    for (const f of await this.files.avFiles(caseId))
      avFiles.push({ recordId: f.recordId, intact: (await this.storage.hashOf(f.sha256)) === f.sha256 });
    return {
      caseId,
      intact: !chain.firstBroken && avFiles.every((f) => f.intact),
      entries: chain.entries,
      firstBroken: chain.firstBroken,
      avFiles,
    };
  }

  /** A party's request to read or copy: checked against what the profile allows, then decided as a task. */
  async requestAccess(actor: Actor, caseId: string, dto: AccessRequestDto): Promise<AccessRequestResponse> {
    notInFuture(dto, 'requestedAt');
    const c = await this.cases.findForActor(actor, caseId);
    const profile = await this.cases.profileOf(c);
    const rule = profile.archiving.partyAccess;
    const refused = dto.actions.filter((a) => !rule.actions.includes(a));
    if (refused.length) {
      const allowed = rule.actions.map((a) => ({ view: '查阅', copy: '复制' })[a]).join('、');
      throw new ApiException('RECORD_INVALID', [
        { field: 'actions', code: 'ACCESS_ACTION_NOT_ALLOWED', message: `本机关的规定只允许当事人${allowed}执法记录` },
      ]);
    }
    const requestId = derivedUuid(actor.id, 'access', caseId, JSON.stringify(dto));
    const input: AccessRequestInput = {
      ...dto,
      actions: [...dto.actions],
      requestId,
      caseId,
      agencyId: c.agencyId,
      by: actor,
      profile: { regulationTitle: profile.regulation.title, partyAccess: rule },
      calendar: await this.calendar.schedules(),
      escalation: escalationRules(profile),
    };
    const state = await this.workflows.updateWithStart('accessRequest', input, accessRequestedUpdate);
    const task = state.openTasks[0];
    return { requestId, decidedBy: rule.rule === 'chief_consent' ? 'chief' : 'officer', task: task ? mapTaskRef(task) : null };
  }

  /** Every document of the record and every written and audio-video record, in order, numbered, and what is missing. */
  async assemble(caseId: string, summary: boolean): Promise<{ catalogue: CatalogueEntry[]; missing: string[] }> {
    const rows = await this.files.catalogueRows(caseId, DOCUMENT_ACTIONS);
    const catalogue = rows.map((r, i): CatalogueEntry => ({
      position: i + 1,
      kind: r.kind,
      title: r.title,
      at: r.at.toISOString(),
      ...(r.recordId && { recordId: r.recordId }),
      ...(r.kind === 'audiovisual' && {
        storage: r.sha256 ? { sha256: r.sha256, location: this.storage.pathOf(r.sha256) } : null,
        metadata: r.metadata,
      }),
    }));
    const actions = await this.files.recordActions(caseId);
    const missing = missingDocuments(actions, {
      hearingRequested: actions.has('hearing_requested'),
      avWithoutFile: catalogue.filter((e) => e.kind === 'audiovisual' && !e.storage).map((e) => e.title),
      summary,
    });
    return { catalogue, missing };
  }
}
