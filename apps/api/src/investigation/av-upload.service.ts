import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { announcedSha256, avMediaType } from '#libs/domain/av-media';
import { Actor } from '#libs/domain/roles';
import { completionRefusal } from '#libs/domain/tasks';
import { EvidenceRepository } from '#libs/persistence/repositories/evidence.repository';
import { TasksRepository } from '#libs/persistence/repositories/tasks.repository';
import { CasesService } from '../cases/cases.service';
import { ApiException } from '../common/api.exception';
import { CaseWorkflowsClient } from '../temporal/case-workflows.client';
import { toRef } from '../tasks/tasks.mapper';
import { AvStorage } from './av-storage';
import { EvidenceResponse } from './investigation.response';
import { InvestigationService } from './investigation.service';

/** An audiovisual record's file: received, checked, and kept once its upload task is completed. */
@Injectable()
export class AvUploadService {
  constructor(
    private readonly cases: CasesService,
    private readonly investigation: InvestigationService,
    private readonly workflows: CaseWorkflowsClient,
    private readonly storage: AvStorage,
    private readonly records: EvidenceRepository,
    private readonly tasks: TasksRepository,
  ) {}

  /**
   * Stores an audiovisual file by its SHA-256 and completes the producer's upload task. The same
   * file sent again is answered as before; another file for a stored record is refused. What can be
   * refused without the body is refused first; the body goes to a temporary file that is moved into
   * place only once the workflow accepted and recorded the completion, so a refused upload leaves no bytes.
   */
  async upload(actor: Actor, caseId: string, recordId: string, req: Request): Promise<EvidenceResponse> {
    const c = await this.cases.findForActor(actor, caseId);
    const record = await this.records.ofCase(caseId, recordId, 'audiovisual');
    if (!record?.uploadTaskId) throw new ApiException('RECORD_NOT_FOUND');
    const task = (await this.tasks.byId(record.uploadTaskId))!;
    const mediaType = avMediaType(req.headers['content-type']);
    if (!mediaType) {
      throw new ApiException('AV_MEDIA_TYPE_NOT_ALLOWED', [
        {
          field: 'Content-Type',
          code: 'AV_MEDIA_TYPE_NOT_ALLOWED',
          message: '请以视频、音频或图片格式上传（如 video/mp4、audio/mpeg、image/jpeg），类型不明时用 application/octet-stream',
        },
      ]);
    }
    const announced = announcedSha256(req.headers['content-digest'] as string | undefined);
    if (announced === null)
      throw new ApiException('VALIDATION_FAILED', [
        { field: 'Content-Digest', code: 'DIGEST_UNSUPPORTED', message: '摘要须为 sha-256=:<Base64>:（RFC 9530）' },
      ]);
    // Refuse before reading the body: only the producer stores the file of their record, and not while the case is suspended.
    const refusal =
      task.status === 'open' &&
      completionRefusal(toRef(task), actor, { decision: 'uploaded', opinion: '', file: { sha256: '', size: 0, mediaType } });
    if (refusal) throw new ApiException(refusal);
    if (task.status === 'open' && c.clock.suspended) throw new ApiException('CASE_SUSPENDED');
    const staged = await this.storage.receive(req);
    try {
      if (announced && announced !== staged.sha256) {
        throw new ApiException('AV_DIGEST_MISMATCH', [
          { field: 'Content-Digest', code: 'AV_DIGEST_MISMATCH', message: `收到的文件 SHA-256 为 ${staged.sha256}，与声明的不符` },
        ]);
      }
      const file = { sha256: staged.sha256, size: staged.size, mediaType };
      if (task.status === 'completed') {
        const stored = await this.records.file(recordId);
        if (stored?.sha256 !== file.sha256) throw new ApiException('AV_ALREADY_STORED');
        await staged.keep(); // the same file again: in place already, or put back if it went missing
        return this.investigation.view(recordId);
      }
      // Refused (the loser of parallel uploads, a case suspended meanwhile…): throws, nothing is kept.
      // Should the API stop between the completion and `keep`, sending the same file again puts it in place.
      await this.workflows.completeTask(
        task,
        actor,
        { decision: 'uploaded', opinion: `已存储音像文件（${file.size}字节）`, file },
        file.sha256,
      );
      await staged.keep();
      return this.investigation.view(recordId);
    } finally {
      await staged.discard();
    }
  }
}
