/** A stored version of a generated document, as the 案卷 needs it (a `case_documents` row). */
export interface DocumentVersion {
  id: string;
  version: number;
  sha256: string;
  replaces: string | null;
}

/** A `document_generated` record entry, as far as a correction is read from it. */
export interface GeneratedEntry {
  at: Date;
  actor_name: string | null;
  action: string;
  details: unknown;
}

/** One correction, as the 备考表 states it: which version was replaced by which, when, by whom and why. */
export interface CaseFileCorrection {
  title: string;
  number: string | null;
  replaced: { version: number; sha256: string };
  by: { version: number; sha256: string };
  /** The time of the `document_generated` entry of the new version (not the step's: a correction comes later). */
  at: string;
  actorName: string;
  reason: string;
}

/**
 * The versions in force: those no later version replaces. The 案卷 holds these in its catalogue and pages
 * (archive practice: the document in force), the export package every version (the full archive).
 */
export function inForce<T extends Pick<DocumentVersion, 'id' | 'replaces'>>(versions: readonly T[]): T[] {
  const replaced = new Set(versions.map((v) => v.replaces).filter((id): id is string => id !== null));
  return versions.filter((v) => !replaced.has(v.id));
}

/**
 * Every correction among these versions, in the order the record made them, from the `document_generated`
 * entry of each new version (its time, its actor and the reason given for the correction).
 */
export function correctionsOf<T extends DocumentVersion>(
  versions: readonly T[],
  entries: readonly GeneratedEntry[],
  describe: (v: T) => { title: string; number: string | null },
): CaseFileCorrection[] {
  const byId = new Map(versions.map((v) => [v.id, v]));
  const made = new Map<string, GeneratedEntry>();
  for (const e of entries) {
    const documentId = e.action === 'document_generated' ? (e.details as { documentId?: string } | null)?.documentId : undefined;
    if (documentId) made.set(documentId, e);
  }
  const out: CaseFileCorrection[] = [];
  for (const v of versions) {
    const replaced = v.replaces ? byId.get(v.replaces) : undefined;
    const entry = made.get(v.id);
    if (!replaced || !entry) continue;
    out.push({
      ...describe(v),
      replaced: { version: replaced.version, sha256: replaced.sha256 },
      by: { version: v.version, sha256: v.sha256 },
      at: entry.at.toISOString(),
      actorName: entry.actor_name ?? '',
      reason: String((entry.details as { reason?: unknown }).reason ?? ''),
    });
  }
  return out.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
