import 'reflect-metadata';
import { parseEnv } from '#libs/config/env';
import { openDataSource } from '#libs/persistence/data-source';
import { seedDemoUsers } from '../auth/demo-users';

/** Creates the demo logins of every agency (idempotent). */
async function main(): Promise<void> {
  const db = await openDataSource(parseEnv(process.env).databaseUrl, 1);
  try {
    const users = await seedDemoUsers(db);
    console.log(`demo users ready: ${users.length}`);
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
