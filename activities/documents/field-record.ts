import { EntityManager } from 'typeorm';
import type { Confidentiality } from '#libs/domain/access';
import type { OfficerPresent, Right } from '#libs/domain/evidence';
import type { Actor } from '#libs/domain/roles';
import { type DocumentCopy, shownEvidence } from '#libs/documents/confidential';
import { type FieldRecordKind, fieldRecordDocument } from '#libs/documents/field-record';
import { type DocumentToMake, makeDocument } from './generate';
import { caseFacts, stepEntry } from './sources';

const FIELD_RECORD_KINDS: readonly string[] = ['inquiry_transcript', 'on_site_inspection_transcript'] satisfies FieldRecordKind[];

interface WrittenRow {
  kind: string;
  title: string;
  content: { text?: string; place?: string | null; subject?: 'party' | 'witness' | null };
  officers: OfficerPresent[];
  signatures: { partySigned: boolean; signedBy?: string; refusalReason?: string; witness?: string } | null;
  rights_told: { rights: Right[]; method: string } | null;
  av_record_ids: string[];
  av_omission_reason: string | null;
  correction_reason: string | null;
  recorded_at: Date;
  flags: Confidentiality[];
}

/**
 * The 询问笔录 or 现场检查（勘验）笔录 of a written record as stored: its row (time, place, officers and
 * their certificates, rights told, content, signatures) and its entry (the recorder, the time). The
 * officers' names are their accounts' names, read with the record: the row names them by account, and an
 * officer's name is not edited (a new account is made). A flagged record's title carries the 涉密 mark; in a
 * party's copy its title and content are withheld (libs/documents/confidential.ts). Null for a written record
 * of another kind.
 */
export async function fieldRecordFromRecord(
  m: EntityManager,
  caseId: string,
  recordId: string,
  stepRef: string,
  actor: Actor | null,
  copy: DocumentCopy = 'original',
): Promise<DocumentToMake | null> {
  const [r]: WrittenRow[] = await m.query(
    `SELECT kind, title, content, officers, signatures, rights_told, av_record_ids, av_omission_reason, correction_reason, recorded_at,
            ARRAY(SELECT f.flag FROM record_flags f WHERE f.record_id = e.id ORDER BY f.flag) AS flags
       FROM evidence_records e WHERE id = $1 AND case_id = $2 AND category = 'written'`,
    [recordId, caseId],
  );
  if (!r || !FIELD_RECORD_KINDS.includes(r.kind)) return null;
  const facts = await caseFacts(m, caseId);
  const step = await stepEntry(m, caseId, stepRef);
  const users: { id: string; name: string }[] = await m.query('SELECT id, display_name AS name FROM users WHERE id = ANY($1)', [
    r.officers.map((o) => o.userId),
  ]);
  const kind = r.kind as FieldRecordKind;
  return {
    caseId,
    kind,
    number: null,
    stepRef,
    madeAt: step.at,
    actor,
    definition: fieldRecordDocument({
      kind,
      agencyName: facts.agencyName,
      caseNumber: facts.caseNumber,
      recordTitle: shownEvidence(r.title, r.flags, copy),
      parties: facts.parties,
      subject: kind === 'inquiry_transcript' ? (r.content.subject ?? 'party') : null,
      recordedAt: new Date(r.recorded_at).toISOString(),
      place: r.content.place ?? null,
      officers: r.officers.map((o) => ({
        name: users.find((u) => u.id === o.userId)?.name ?? o.userId,
        certificateNo: o.certificateNo,
        shown: o.shown,
      })),
      recorder: step.actorName ?? '',
      rightsTold: r.rights_told,
      content: copy === 'party' && r.flags.length ? shownEvidence(r.content.text ?? '', r.flags, copy) : (r.content.text ?? ''),
      signatures: {
        partySigned: r.signatures?.partySigned ?? false,
        signedBy: r.signatures?.signedBy ?? null,
        refusalReason: r.signatures?.refusalReason ?? null,
        witness: r.signatures?.witness ?? null,
      },
      avCount: r.av_record_ids.length,
      avOmissionReason: r.av_omission_reason,
      correctionReason: r.correction_reason,
      madeAt: step.at,
    }),
  };
}

/** Makes the 笔录 in the transaction that adds the written record (investigation/activities.ts). Safe to retry. */
export async function makeFieldRecord(
  m: EntityManager,
  storageDir: string,
  caseId: string,
  recordId: string,
  stepRef: string,
  actor: Actor | null,
) {
  const d = await fieldRecordFromRecord(m, caseId, recordId, stepRef, actor);
  if (d) await makeDocument(m, storageDir, d);
}
