import { unzipSync } from 'fflate';
import { dayHeadHash } from '../persistence/day-heads';
import { verifyChain } from '../persistence/record-chain';
import { MANIFEST, MANIFEST_DIGEST, type Manifest, PACKAGE_FORMAT, fromManifestEntry, sha256Of } from './case-file-package';

/** The first thing in a package that does not match: the file or the chain entry, and why. */
export interface PackageProblem {
  /** A file's path in the package, or `manifest.json` for the manifest and what it carries. */
  file: string;
  /** The chain entry (seq and key) where the problem is in the SM3 chain. */
  entry?: { seq: number; key: string };
  reason: string;
}

export interface PackageCheck {
  problem: PackageProblem | null;
  caseId?: string;
  caseNumber?: string | null;
  files: number;
  entries: number;
  head?: { seq: number; hash: string } | null;
  dayHead?: { day: string; hash: string } | null;
}

/**
 * Checks an export package offline (no database, no network): every file's SHA-256 and size against the
 * manifest, no file unlisted, the SM3 chain re-linked from its entries (`verifyChain`, the API's own check),
 * its head, the day head sealing the last entry (its own link recomputed, and the case head it pins equal to
 * the chain's), and last the manifest's own digest. Stops at the first mismatch.
 */
export function checkPackage(zip: Uint8Array): PackageCheck {
  const fail = (problem: PackageProblem, more: Partial<PackageCheck> = {}): PackageCheck => ({ problem, files: 0, entries: 0, ...more });
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch (e) {
    return fail({ file: '(ZIP)', reason: `不是可读的 ZIP 文件：${(e as Error).message}` });
  }
  const json = files[MANIFEST];
  if (!json) return fail({ file: MANIFEST, reason: '包中没有 manifest.json' });
  let m: Manifest;
  try {
    m = JSON.parse(Buffer.from(json).toString('utf8')) as Manifest;
  } catch {
    return fail({ file: MANIFEST, reason: 'manifest.json 不是有效的 JSON（内容被修改）' });
  }
  if (m.format !== PACKAGE_FORMAT || !Array.isArray(m.files) || !Array.isArray(m.chain?.entries))
    return fail({ file: MANIFEST, reason: `manifest.json 不是 ${PACKAGE_FORMAT} 格式` });
  const about = { caseId: m.caseId, caseNumber: m.caseNumber, files: m.files.length, entries: m.chain.entries.length };
  const problem = (p: PackageProblem) => fail(p, about);

  for (const f of m.files) {
    const bytes = files[f.path];
    if (!bytes) return problem({ file: f.path, reason: '清单列出的文件不在包中' });
    if (bytes.length !== f.size) return problem({ file: f.path, reason: `大小不符：清单 ${f.size} 字节，实际 ${bytes.length} 字节` });
    if (sha256Of(bytes) !== f.sha256) return problem({ file: f.path, reason: 'SHA-256 与清单不符（文件被修改）' });
  }
  const listed = new Set([...m.files.map((f) => f.path), MANIFEST, MANIFEST_DIGEST]);
  const extra = Object.keys(files).find((p) => !listed.has(p) && !p.endsWith('/'));
  if (extra) return problem({ file: extra, reason: '文件不在清单中' });
  // Every version is kept: a version naming one it replaces that the package lacks is not the full archive.
  const lost = m.files.find((f) => f.replaces && !m.files.some((g) => g.path === f.replaces));
  if (lost) return problem({ file: lost.path, reason: `所更正的版本 ${lost.replaces} 不在包中` });

  const rows = m.chain.entries.map((e) => fromManifestEntry(m.caseId, e));
  const chain = verifyChain(rows);
  if (chain.firstBroken) {
    const { seq, key, reason } = chain.firstBroken;
    return problem({ file: MANIFEST, entry: { seq, key }, reason: `记录链第${seq}条（${key}）：${reason}` });
  }
  const last = rows.at(-1);
  const head = m.chain.head;
  if ((head?.seq ?? null) !== (last ? Number(last.seq) : null) || (head?.hash ?? null) !== (last?.hash ?? null))
    return problem({ file: MANIFEST, reason: '记录链的链头与最后一条记录不符' });

  const seal = m.dayHead;
  let dayHead: PackageCheck['dayHead'] = null;
  if (seal?.sealed) {
    if (seal.hash !== dayHeadHash(seal.prevHash, seal.day, seal.cases))
      return problem({ file: MANIFEST, reason: `${seal.day}的每日链头内容与其哈希值不符` });
    const pinned = seal.cases.find((c) => c.caseId === m.caseId);
    if (!pinned || !last || pinned.seq !== Number(last.seq) || pinned.hash !== last.hash)
      return problem({ file: MANIFEST, reason: `${seal.day}的每日链头所封存的本案链头与记录链不符` });
    dayHead = { day: seal.day, hash: seal.hash };
  } else if (!seal || seal.sealed !== false) return problem({ file: MANIFEST, reason: '清单缺少每日链头' });

  const digest = files[MANIFEST_DIGEST];
  if (!digest || Buffer.from(digest).toString('utf8').split(/\s/)[0] !== sha256Of(json))
    return problem({ file: MANIFEST, reason: 'manifest.json 的 SHA-256 与 manifest.json.sha256 不符（清单被修改）' });
  return { problem: null, ...about, head, dayHead };
}
