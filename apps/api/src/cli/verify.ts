import 'reflect-metadata';
import { parseEnv } from '../../../../libs/config/env';
import { openDataSource } from '../../../../libs/persistence/data-source';
import { StoredEntry, verifyChain } from '../../../../libs/persistence/record-chain';

/**
 * `npm run verify [-- <caseId>]`: checks every case's record chain (or one case's) and names the first
 * broken entry of each; exits 1 if any chain is broken.
 */
async function main(): Promise<void> {
  const db = await openDataSource(parseEnv(process.env).databaseUrl, 1);
  try {
    const only = process.argv[2];
    const cases: { id: string }[] = only ? [{ id: only }] : await db.query('SELECT id FROM cases ORDER BY started_at');
    let broken = 0;
    for (const { id } of cases) {
      const rows: StoredEntry[] = await db.query('SELECT * FROM case_records WHERE case_id = $1 ORDER BY seq', [id]);
      const result = verifyChain(rows);
      if (result.firstBroken) {
        broken++;
        console.log(`${id}  断链：第${result.firstBroken.seq}条（${result.firstBroken.key}）${result.firstBroken.reason}`);
      } else console.log(`${id}  完整（${result.entries}条）`);
    }
    console.log(`${cases.length} 个案件，${broken} 个记录链断裂`);
    if (broken) process.exitCode = 1;
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
