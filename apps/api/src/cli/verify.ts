import 'reflect-metadata';
import { parseEnv } from '#libs/config/env';
import { openDataSource } from '#libs/persistence/data-source';
import { verifyRecordStore } from '#libs/persistence/day-heads-store';
import { verifyPackageFile } from './verify-package';

/**
 * `npm run verify [-- <caseId>]`: checks every case's record chain (or one case's) and names the first
 * broken entry of each, then the day heads across cases and the first broken day; exits 1 if anything
 * is broken. `npm run verify -- --package FILE.zip` checks a 案卷 export package instead, offline: it
 * reads no environment and opens no database connection.
 */
async function main(): Promise<void> {
  if (process.argv[2] === '--package') {
    const file = process.argv[3];
    const r = file ? await verifyPackageFile(file) : { exitCode: 1, lines: ['用法：npm run verify -- --package FILE.zip'] };
    for (const line of r.lines) console.log(line);
    process.exitCode = r.exitCode;
    return;
  }
  const db = await openDataSource(parseEnv(process.env).databaseUrl, 1);
  try {
    const only = process.argv[2];
    const { cases, days, unsealed } = await verifyRecordStore(db, only);
    for (const c of cases) {
      if (c.firstBroken) console.log(`${c.caseId}  断链：第${c.firstBroken.seq}条（${c.firstBroken.key}）${c.firstBroken.reason}`);
      else console.log(`${c.caseId}  完整（${c.entries}条）`);
    }
    const broken = cases.filter((c) => c.firstBroken).length;
    console.log(`${cases.length} 个案件，${broken} 个记录链断裂`);
    if (!only) {
      if (days.firstBroken) {
        const b = days.firstBroken;
        console.log(`每日链头断裂：${b.day}${b.caseId ? `，案件 ${b.caseId}` : ''}：${b.reason}`);
      } else
        console.log(
          `每日链头完整（${days.days}天${days.last ? `，最后一日 ${days.last.day}：${days.last.hash}` : ''}），尚未封存的记录 ${unsealed} 条`,
        );
    }
    if (broken || days.firstBroken) process.exitCode = 1;
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
