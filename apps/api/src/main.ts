import 'reflect-metadata';
import { parseEnv } from '../../../libs/config/env';
import { createApp } from './app.factory';

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const app = await createApp(env);
  await app.listen(env.port, process.env.HOST ?? '0.0.0.0');
  console.log(`lawtrail API listening on ${await app.getUrl()}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
