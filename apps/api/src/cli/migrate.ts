import 'reflect-metadata';
import { parseEnv } from '../../../../libs/config/env';
import { openDataSource } from '../../../../libs/persistence/data-source';

/** Applies pending migrations (`node dist/apps/api/src/cli/migrate.js`); `--revert` undoes the last one. */
async function main(): Promise<void> {
  const db = await openDataSource(parseEnv(process.env).databaseUrl, 1);
  try {
    if (process.argv.includes('--revert')) await db.undoLastMigration({ transaction: 'each' });
    else {
      const ran = await db.runMigrations({ transaction: 'each' });
      console.log(ran.length ? `applied: ${ran.map((m) => m.name).join(', ')}` : 'schema up to date');
    }
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
