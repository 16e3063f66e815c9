import { createHash } from 'node:crypto';
import { type Zippable, zipSync } from 'fflate';
import type { DayHead } from '../persistence/day-heads';
import type { StoredEntry } from '../persistence/record-chain';

/** The export package's format, written into its manifest so a reader knows what it holds. */
export const PACKAGE_FORMAT = 'lawtrail-case-file-package/1';
export const MANIFEST = 'manifest.json';
/** The SHA-256 of manifest.json: a byte changed where nothing else covers it (a note, a title) is still named. */
export const MANIFEST_DIGEST = 'manifest.json.sha256';

/** One file of the package, as the manifest lists it. */
export interface PackageFile {
  path: string;
  size: number;
  sha256: string;
  kind: 'case_file' | 'document' | 'audiovisual';
  title: string;
  /**
   * A document's version, the path of the version it replaces (null for the first), and whether it is the
   * version in force (the one the 案卷 PDF holds): the package keeps every version, the full archive.
   */
  version?: number;
  replaces?: string | null;
  inForce?: boolean;
}

/** A record entry as the case's SM3 chain stores it: every field its link covers, its link and the previous one. */
export interface ManifestEntry {
  seq: number;
  key: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  summary: string;
  legalBasis: string | null;
  details: unknown;
  /** The database set its time (the chain check then also refuses time going backwards). */
  dbTime: boolean;
  prevHash: string | null;
  hash: string;
}

/** The day head that seals the chain's last entry, or the fact that none does yet (with the last head pinning the case). */
export type ManifestSeal = ({ sealed: true } & DayHead) | { sealed: false; note: string; latest: DayHead | null };

export interface Manifest {
  format: string;
  caseId: string;
  caseNumber: string | null;
  agencyName: string;
  /** Full content: the agency's own archive, confidential records included. */
  scope: 'full';
  scopeNote: string;
  madeAt: string;
  files: PackageFile[];
  chain: { algorithm: 'SM3'; entries: ManifestEntry[]; head: { seq: number; hash: string } | null };
  dayHead: ManifestSeal;
}

export interface PackageInput {
  caseId: string;
  caseNumber: string | null;
  agencyName: string;
  madeAt: string;
  files: (Omit<PackageFile, 'size' | 'sha256'> & { bytes: Uint8Array })[];
  entries: StoredEntry[];
  /** Every day head that pins this case, in day order. */
  dayHeads: DayHead[];
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export const toManifestEntry = (r: StoredEntry): ManifestEntry => ({
  seq: Number(r.seq),
  key: r.entry_key,
  at: r.at.toISOString(),
  actorId: r.actor_id,
  actorName: r.actor_name,
  actorRole: r.actor_role,
  action: r.action,
  summary: r.summary,
  legalBasis: r.legal_basis,
  details: r.details,
  dbTime: r.db_time === true,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** The stored form back from the manifest, for the chain code that verifies stored rows. */
export const fromManifestEntry = (caseId: string, e: ManifestEntry): StoredEntry => ({
  case_id: caseId,
  seq: e.seq,
  entry_key: e.key,
  at: new Date(e.at),
  actor_id: e.actorId,
  actor_name: e.actorName,
  actor_role: e.actorRole,
  action: e.action,
  summary: e.summary,
  legal_basis: e.legalBasis,
  details: e.details,
  prev_hash: e.prevHash,
  hash: e.hash,
  db_time: e.dbTime,
});

/** The first day head that pins the chain's last entry; else not sealed yet (entries appended since the last sealed day). */
export function sealOf(entries: readonly ManifestEntry[], heads: readonly DayHead[], caseId: string): ManifestSeal {
  const last = entries.at(-1);
  const pinning = heads.filter((h) => h.cases.some((c) => c.caseId === caseId));
  const seal = last && pinning.find((h) => h.cases.some((c) => c.caseId === caseId && c.seq === last.seq && c.hash === last.hash));
  if (seal) return { sealed: true, ...seal };
  return {
    sealed: false,
    note: '最后一条记录尚未被每日链头封存（当日结束后由封存程序写入），可在封存后重新导出',
    latest: pinning.at(-1) ?? null,
  };
}

export function buildManifest(p: PackageInput): Manifest {
  const entries = p.entries.map(toManifestEntry);
  const last = entries.at(-1);
  return {
    format: PACKAGE_FORMAT,
    caseId: p.caseId,
    caseNumber: p.caseNumber,
    agencyName: p.agencyName,
    scope: 'full',
    scopeNote: '本包为行政机关自存的完整案卷，含依法应当保密的内容（未作遮蔽），不得作为当事人查阅、复制的材料提供',
    madeAt: p.madeAt,
    files: p.files.map(({ bytes, ...f }) => ({ ...f, size: bytes.length, sha256: sha256Of(bytes) })),
    chain: { algorithm: 'SM3', entries, head: last ? { seq: last.seq, hash: last.hash } : null },
    dayHead: sealOf(entries, p.dayHeads, p.caseId),
  };
}

/**
 * The package as a ZIP: the files under their paths, then manifest.json and its SHA-256. Every entry is
 * dated by the 案卷's instant in China time (ZIP stores local wall time; the date is built from China's
 * fields so the machine's time zone cannot change a byte), so the same case gives the same ZIP.
 */
export function zipPackage(p: PackageInput): { zip: Uint8Array; manifest: Manifest } {
  const manifest = buildManifest(p);
  const china = new Date(Date.parse(p.madeAt) + 8 * 3600_000);
  const mtime = new Date(
    china.getUTCFullYear(),
    china.getUTCMonth(),
    china.getUTCDate(),
    china.getUTCHours(),
    china.getUTCMinutes(),
    china.getUTCSeconds(),
  );
  const json = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  const tree: Zippable = {};
  // PDFs and audio-video are compressed already: stored as they are.
  for (const f of p.files) tree[f.path] = [f.bytes, { level: 0, mtime }];
  tree[MANIFEST] = [json, { mtime }];
  tree[MANIFEST_DIGEST] = [Buffer.from(`${sha256Of(json)}  ${MANIFEST}\n`, 'utf8'), { mtime }];
  return { zip: zipSync(tree), manifest };
}
