import { Inject, Injectable } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { type CaseFilePart, caseFilePdf } from '#activities/documents/case-file';
import { Env } from '#libs/config/env';
import { Actor } from '#libs/domain/roles';
import { ARCHIVE_FIELD_LABELS, type CaseFileFacts } from '#libs/documents/case-file';
import { type PackageInput, sha256Of, zipPackage } from '#libs/documents/case-file-package';
import { inRecordOrder } from '#libs/documents/case-file-pages';
import { correctionsOf, inForce } from '#libs/documents/case-file-versions';
import { contentPath } from '#libs/documents/files';
import { chineseDate } from '#libs/documents/layout';
import { DOCUMENT_KIND_LABELS, documentFileNames } from '#libs/documents/kinds';
import type { ArchiveEntity } from '#libs/persistence/entities/archive.entity';
import type { CaseDocumentEntity } from '#libs/persistence/entities/case-document.entity';
import type { CaseEntity } from '#libs/persistence/entities/case.entity';
import type { StoredEntry } from '#libs/persistence/record-chain';
import { CaseDocumentsRepository } from '#libs/persistence/repositories/case-documents.repository';
import { CaseFileRepository } from '#libs/persistence/repositories/case-file.repository';
import { CasesService } from '../cases/cases.service';
import { ApiException } from '../common/api.exception';
import { ENV } from '../env.token';
import { AvStorage } from '../investigation/av-storage';
import { ConfidentialityService } from '../investigation/confidentiality.service';
import { ArchivingService } from './archiving.service';

export interface ExportFile {
  name: string;
  ascii: string;
  bytes: Buffer;
}

/**
 * What the 案卷 is made of, read once: its facts, its parts in record order (a document by its version in
 * force) each with the files it puts in the package (a document: every version of it), the record.
 */
interface Assembled {
  c: CaseEntity;
  facts: CaseFileFacts;
  parts: (CaseFilePart & { files: PackageInput['files'] })[];
  entries: StoredEntry[];
}

/**
 * The 案卷 as one PDF and the export package (ZIP) for the agency's own archive, both under the case's read
 * rules (CasesService.findForActor) and, as they hold every record unredacted, refused outside the circle
 * that reads flagged records (ConfidentialityService.readWhole); both functions of the record: the same
 * record gives the same bytes.
 * Every stored file is checked against its hash before it goes in (a file that no longer matches is refused,
 * never packaged as the record's).
 */
@Injectable()
export class CaseFileExportService {
  constructor(
    private readonly cases: CasesService,
    private readonly archiving: ArchivingService,
    private readonly files: CaseFileRepository,
    private readonly documents: CaseDocumentsRepository,
    private readonly storage: AvStorage,
    private readonly confidentiality: ConfidentialityService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async pdf(actor: Actor, caseId: string): Promise<ExportFile> {
    const a = await this.assemble(actor, caseId);
    return { ...this.names(a, 'pdf'), bytes: await caseFilePdf(a.facts, a.parts) };
  }

  /** The ZIP: the 案卷 PDF, each document PDF, each audio-video file, and manifest.json (README "Documents"). */
  async package(actor: Actor, caseId: string): Promise<ExportFile> {
    const a = await this.assemble(actor, caseId);
    const caseFile = await caseFilePdf(a.facts, a.parts);
    const input: PackageInput = {
      caseId,
      caseNumber: a.c.caseNumber,
      agencyName: a.facts.agencyName,
      madeAt: a.facts.madeAt,
      files: [
        {
          path: this.names(a, 'pdf').name,
          kind: 'case_file',
          title: a.facts.archived ? '行政执法案卷' : '行政执法案卷（草稿）',
          bytes: caseFile,
        },
        ...a.parts.flatMap((p) => p.files),
      ],
      entries: a.entries,
      dayHeads: await this.files.dayHeadsOf(caseId),
    };
    return { ...this.names(a, 'zip'), bytes: Buffer.from(zipPackage(input).zip) };
  }

  private names(a: Assembled, ext: 'pdf' | 'zip'): { name: string; ascii: string } {
    const draft = a.facts.archived ? '' : '（草稿）';
    return {
      name: `行政执法案卷${a.c.caseNumber ? `（${a.c.caseNumber}）` : ''}${draft}.${ext}`,
      ascii: `case-file-${a.c.id}${draft && '-draft'}.${ext}`,
    };
  }

  private async assemble(actor: Actor, caseId: string): Promise<Assembled> {
    const c = await this.cases.findForActor(actor, caseId);
    // Before the record is read: a permitted read of a flagged record is itself an entry of it.
    await this.confidentiality.readWhole(actor, c);
    const profile = await this.cases.profileOf(c);
    const archive = await this.files.archiveOf(caseId);
    const entries = await this.files.recordEntries(caseId);
    const first = (action: string) => entries.find((e) => e.action === action);
    const archivedEntry = first('case_archived');
    const versions = await this.documents.allOf(caseId);
    const file = archive
      ? { catalogue: archive.catalogue, missing: archive.missing }
      : await this.archiving.assemble(caseId, c.procedure === 'summary');
    const facts: CaseFileFacts = {
      agencyName: profile.name,
      caseNumber: c.caseNumber,
      decisionNumber: c.decisionNumber,
      cause: c.form.reason ?? '',
      parties: c.form.parties ?? [],
      filedAt: first('case_initiated')?.at.toISOString() ?? null,
      closedAt: c.endedAt?.toISOString() ?? null,
      retentionPeriod: archive?.retentionPeriod ?? null,
      archiveFields: (profile.archiving.fields?.fields ?? []).map((f) => ({ label: ARCHIVE_FIELD_LABELS[f], value: archived(archive, f) })),
      archived: archive && {
        by: archivedEntry?.actor_name ?? '',
        at: (archivedEntry?.at ?? archive.archivedAt).toISOString(),
        location: archive.location,
      },
      missing: [...file.missing],
      incompleteReason: archive?.incompleteReason ?? null,
      corrections: correctionsOf(versions, entries, (d) => ({ title: DOCUMENT_KIND_LABELS[d.kind], number: d.number })),
      madeAt: (archivedEntry ?? entries.at(-1))?.at.toISOString() ?? c.startedAt.toISOString(),
    };
    const parts: Assembled['parts'] = [];
    const current = inForce(versions);
    const files = new Map<string, PackageInput['files'][number]>();
    for (const d of versions) {
      const bytes = await this.read(contentPath(this.env.storageDir, d.sha256), d.sha256, 'DOCUMENT_FILE_ALTERED');
      const replaces = d.replaces ? files.get(d.replaces)!.path : null;
      const title = DOCUMENT_KIND_LABELS[d.kind];
      files.set(d.id, {
        path: documentPath(d),
        kind: 'document',
        title,
        bytes,
        version: d.version,
        replaces,
        inForce: current.includes(d),
      });
    }
    for (const d of current) {
      const item = { kind: 'document' as const, title: DOCUMENT_KIND_LABELS[d.kind], number: d.number, at: d.createdAt.toISOString() };
      const step = versions.filter((v) => v.kind === d.kind && v.stepRef === d.stepRef).map((v) => files.get(v.id)!);
      parts.push({ item: { ...item, version: d.version, sha256: d.sha256 }, pdf: files.get(d.id)!.bytes, files: step });
    }
    const mediaTypes = new Map((await this.files.avFiles(caseId)).map((f) => [f.sha256, f.mediaType]));
    // A written record whose 笔录 was generated (its step is `evidence:<recordId>`) is in the file as that
    // document, not listed a second time without pages.
    const documented = new Set(versions.flatMap((d) => /^evidence:(.+)$/.exec(d.stepRef)?.[1] ?? []));
    for (const e of file.catalogue.filter(
      (e) => e.kind !== 'record' && !(e.kind === 'written' && e.recordId && documented.has(e.recordId)),
    )) {
      const item = { kind: e.kind as 'written' | 'audiovisual', title: e.title, number: null, at: e.at };
      const sha256 = e.kind === 'audiovisual' ? e.storage?.sha256 : undefined;
      if (!sha256) {
        parts.push({ item: { ...item, ...(e.kind === 'audiovisual' && { file: null }) }, pdf: null, files: [] });
        continue;
      }
      const path = `audiovisual/${sha256.slice(0, 12)}${extension(mediaTypes.get(sha256))}`;
      const bytes = await this.read(this.storage.pathOf(sha256), sha256, 'AV_FILE_ALTERED');
      parts.push({
        item: { ...item, file: { name: path, sha256 } },
        pdf: null,
        files: [{ path, kind: 'audiovisual', title: e.title, bytes }],
      });
    }
    return { c, facts, parts: inRecordOrder(parts, (p) => p.item), entries };
  }

  private async read(path: string, sha256: string, code: 'DOCUMENT_FILE_ALTERED' | 'AV_FILE_ALTERED'): Promise<Buffer> {
    const bytes = await readFile(path).catch(() => null);
    if (!bytes || sha256Of(bytes) !== sha256) throw new ApiException(code);
    return bytes;
  }
}

/** The archivist's value of an archive field the profile asks for (dates as 执法文书 write them). */
const archived = (a: ArchiveEntity | null, f: keyof typeof ARCHIVE_FIELD_LABELS): string | null => {
  if (!a) return null;
  const value = {
    archive_number: a.archiveNumber,
    category: a.category,
    retention_period: a.retentionPeriod,
    start_date: a.startDate && chineseDate(a.startDate),
    end_date: a.endDate && chineseDate(a.endDate),
  }[f];
  return value ?? null;
};

const documentPath = (d: CaseDocumentEntity): string => `documents/${documentFileNames(d.kind, d.number, d.sha256).name}`;

/** A file name's extension for a stored audio-video file, from its media type (`video/mp4` → `.mp4`). */
const extension = (mediaType: string | undefined): string => {
  const sub = mediaType?.split('/')[1]?.split(/[;+]/)[0];
  return sub && /^[a-z0-9-]{1,10}$/.test(sub) && sub !== 'octet-stream' ? `.${sub}` : '.bin';
};
