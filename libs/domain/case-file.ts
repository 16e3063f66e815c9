import type { RecordAction } from './record';

/** One entry of the case file's catalogue (案卷目录): a written or audio-video record, in order. */
export interface CatalogueEntry {
  /** Position in the file, from 1. */
  position: number;
  kind: 'record' | 'written' | 'audiovisual';
  title: string;
  at: string;
  /** For an audio-video record: where its file is stored and what the profile asked to be written about it. */
  storage?: { sha256: string; location: string } | null;
  metadata?: Record<string, string> | null;
  /** The written or audio-video record the entry is (absent for a document of the record, and in files archived before it was added). */
  recordId?: string;
  /** Its confidentiality flags, and the note shown instead of its content to a reader outside the circle. */
  confidentiality?: string[];
  redacted?: string;
}

/** What a case file must hold before it is archived, each with the record action that proves it. */
export const REQUIRED_DOCUMENTS: { key: string; label: string; proof: RecordAction[]; when?: keyof CaseFacts }[] = [
  { key: 'initiation', label: '程序启动审批表', proof: ['case_initiated', 'decision_issued'] },
  { key: 'evidence', label: '调查取证记录', proof: ['evidence_recorded'] },
  { key: 'decision', label: '处理决定书', proof: ['decision_issued'] },
  { key: 'service', label: '送达回证', proof: ['document_served'] },
  { key: 'hearing_report', label: '听证报告', proof: ['hearing_reported'], when: 'hearingRequested' },
  { key: 'execution', label: '执行情况', proof: ['payment_recorded', 'court_result_recorded', 'compulsory_execution_done', 'case_ended'] },
];

export interface CaseFacts {
  hearingRequested: boolean;
  /** Audio-video records whose file was never stored. */
  avWithoutFile: string[];
  /** 简易程序: decided on the spot, so no initiation form nor investigation is filed. */
  summary: boolean;
}

/**
 * The completeness check of a case file (000 第二十四条, 003 第十条…): the documents missing, in
 * Chinese, one line each. Summary cases need no investigation record beyond the decision itself.
 */
export function missingDocuments(actions: Set<string>, facts: CaseFacts): string[] {
  const missing = REQUIRED_DOCUMENTS.filter((d) => !(d.when && !facts[d.when]))
    .filter((d) => !(facts.summary && (d.key === 'evidence' || d.key === 'service')))
    .filter((d) => !d.proof.some((a) => actions.has(a)))
    .map((d) => d.label);
  return [...missing, ...facts.avWithoutFile.map((t) => `音像记录「${t}」的文件未存储`)];
}
