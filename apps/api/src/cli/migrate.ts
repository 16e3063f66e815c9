import 'reflect-metadata';
import { parseEnv } from '#libs/config/env';
import { ensureAppLogin } from '#libs/persistence/app-role';
import { openDataSource } from '#libs/persistence/data-source';

/**
 * Applies pending migrations (`node dist/apps/api/src/cli/migrate.js`) as the owner; `--revert` undoes
 * the last one. With LAWTRAIL_APP_DB_PASSWORD it first makes `lawtrail_app` a login with that password.
 */
async function main(): Promise<void> {
  const db = await openDataSource(parseEnv(process.env).databaseUrl, 1);
  try {
    const appPassword = process.env.LAWTRAIL_APP_DB_PASSWORD;
    if (appPassword) await ensureAppLogin((sql, params) => db.query(sql, params), appPassword);
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
