import { readFile } from 'node:fs/promises';
import { checkPackage } from '#libs/documents/case-file-package-check';

/**
 * `npm run verify -- --package FILE.zip`: checks a 案卷 export package offline — no database, no network —
 * and returns what to print and the exit code: the first thing that does not match (file name, or the
 * chain entry's seq) and 1, or a summary and 0.
 */
export async function verifyPackageFile(path: string): Promise<{ exitCode: 0 | 1; lines: string[] }> {
  const bytes = await readFile(path).catch((e: Error) => e);
  if (bytes instanceof Error) return { exitCode: 1, lines: [`无法读取 ${path}：${bytes.message}`] };
  const r = checkPackage(bytes);
  const which = r.caseNumber ?? r.caseId ?? path;
  if (r.problem) {
    const where = r.problem.entry ? `${r.problem.file}，记录第${r.problem.entry.seq}条（${r.problem.entry.key}）` : r.problem.file;
    return { exitCode: 1, lines: [`不符：${where}：${r.problem.reason}`, `${which}：导出包未通过校验`] };
  }
  const seal = r.dayHead ? `由${r.dayHead.day}的每日链头封存（${r.dayHead.hash}）` : '尚未被每日链头封存';
  return {
    exitCode: 0,
    lines: [
      `${which}：导出包完整`,
      `${r.files} 个文件的 SHA-256 与清单一致`,
      `记录链 ${r.entries} 条完整，链头第${r.head?.seq ?? 0}条 ${r.head?.hash ?? '（无记录）'}`,
      `最后一条记录${seal}`,
    ],
  };
}
