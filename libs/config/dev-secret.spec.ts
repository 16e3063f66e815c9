import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devJwtSecret } from './dev-secret';
import { parseEnv } from './env';

it('development without LAWTRAIL_JWT_SECRET gets a random key generated once into the data folder, not one from the code', () => {
  const url = 'postgres://u:p@localhost:5432/lawtrail';
  expect(parseEnv({ DATABASE_URL: url }).jwtSecret).toBe('');
  const [a, b] = [mkdtempSync(join(tmpdir(), 'lawtrail-key-')), mkdtempSync(join(tmpdir(), 'lawtrail-key-'))];
  const first = devJwtSecret(join(a, 'data'));
  expect(first).toMatch(/^[0-9a-f]{64}$/);
  expect(devJwtSecret(join(a, 'data'))).toBe(first); // kept across restarts
  expect(devJwtSecret(b)).not.toBe(first); // never the same for two checkouts
  expect(readFileSync(join(a, 'data', 'jwt-secret'), 'utf8')).toBe(first);
  expect(statSync(join(a, 'data', 'jwt-secret')).mode & 0o077).toBe(0);
});

it('a short LAWTRAIL_JWT_SECRET is refused even in development; the new limits and timeouts have defaults', () => {
  const url = 'postgres://u:p@localhost:5432/lawtrail';
  expect(() => parseEnv({ DATABASE_URL: url, LAWTRAIL_JWT_SECRET: 'short' })).toThrow(/LAWTRAIL_JWT_SECRET/);
  expect(parseEnv({ DATABASE_URL: url })).toMatchObject({
    loginAttemptsPerAddressPerMinute: 60,
    dbStatementTimeoutMs: 10_000,
    httpIdleTimeoutMs: 30_000,
  });
  expect(() => parseEnv({ DATABASE_URL: url, LAWTRAIL_DB_STATEMENT_TIMEOUT_MS: '0' })).toThrow(/LAWTRAIL_DB_STATEMENT_TIMEOUT_MS/);
});
