import 'reflect-metadata';
import { devJwtSecret } from '#libs/config/dev-secret';
import { parseEnv } from '#libs/config/env';
import { createApp } from './app.factory';

async function main(): Promise<void> {
  const parsed = parseEnv(process.env);
  // Development without a configured key: one generated into the data folder (production refuses to start).
  const env = parsed.jwtSecret ? parsed : { ...parsed, jwtSecret: devJwtSecret(process.env.LAWTRAIL_DATA_DIR || '.data') };
  const app = await createApp(env);
  // Loopback unless told otherwise: docker/compose.yaml sets HOST=0.0.0.0 inside its network.
  await app.listen(env.port, process.env.HOST || '127.0.0.1');
  console.log(`lawtrail API listening on ${await app.getUrl()}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
