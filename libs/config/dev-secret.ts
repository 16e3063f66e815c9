import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The signing key of a development API with no `LAWTRAIL_JWT_SECRET`: 32 random bytes written once to
 * `<dataDir>/jwt-secret` (mode 0600) and read back on later starts, so tokens survive a restart of
 * `npm run dev` but no one can mint them from a key published in the code.
 */
export function devJwtSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  } catch (e) {
    // Already there (an earlier start, or a second process that won the race): use it.
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 16) throw new Error(`${file} holds no usable key: delete it to have a new one generated`);
  return secret;
}
