import { parseEnv } from './env';

describe('parseEnv', () => {
  const url = 'postgres://u:p@localhost:5432/lawtrail';

  it('fills defaults for local development', () => {
    expect(parseEnv({ DATABASE_URL: url })).toMatchObject({
      temporalAddress: '127.0.0.1:7233',
      temporalNamespace: 'default',
      taskQueue: 'lawtrail',
      port: 3000,
      production: false,
    });
  });

  it('lists every bad variable at once', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x', PORT: 'abc' })).toThrow(/DATABASE_URL.*PORT/);
  });

  it('refuses production without a real JWT secret', () => {
    expect(() => parseEnv({ DATABASE_URL: url, NODE_ENV: 'production' })).toThrow(/LAWTRAIL_JWT_SECRET/);
    expect(parseEnv({ DATABASE_URL: url, NODE_ENV: 'production', LAWTRAIL_JWT_SECRET: 'x'.repeat(32) }).production).toBe(true);
  });

  it('reads CORS origins and the login limit, refusing a malformed origin', () => {
    const url = 'postgres://u:p@localhost:5432/db';
    expect(parseEnv({ DATABASE_URL: url })).toMatchObject({ corsOrigins: [], loginAttemptsPerMinute: 10 });
    expect(
      parseEnv({
        DATABASE_URL: url,
        LAWTRAIL_CORS_ORIGINS: 'https://zf.example.gov.cn, http://localhost:5173',
        LAWTRAIL_LOGIN_ATTEMPTS_PER_MINUTE: '5',
      }),
    ).toMatchObject({
      corsOrigins: ['https://zf.example.gov.cn', 'http://localhost:5173'],
      loginAttemptsPerMinute: 5,
    });
    expect(() => parseEnv({ DATABASE_URL: url, LAWTRAIL_CORS_ORIGINS: 'zf.example.gov.cn/path' })).toThrow(/LAWTRAIL_CORS_ORIGINS/);
  });

  it('connects the API and the worker as the application role when DATABASE_APP_URL is set, else as DATABASE_URL', () => {
    const app = 'postgres://lawtrail_app:p@localhost:5432/lawtrail';
    expect(parseEnv({ DATABASE_URL: url })).toMatchObject({ databaseUrl: url, appDatabaseUrl: url });
    expect(parseEnv({ DATABASE_URL: url, DATABASE_APP_URL: app })).toMatchObject({ databaseUrl: url, appDatabaseUrl: app });
    expect(() => parseEnv({ DATABASE_URL: url, DATABASE_APP_URL: 'lawtrail_app@localhost' })).toThrow(/DATABASE_APP_URL/);
  });

  it('trusts no proxy by default; LAWTRAIL_TRUST_PROXY takes a hop count or the proxies, never "anyone"', () => {
    expect(parseEnv({ DATABASE_URL: url }).trustProxy).toBe(false);
    expect(parseEnv({ DATABASE_URL: url, LAWTRAIL_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(parseEnv({ DATABASE_URL: url, LAWTRAIL_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(parseEnv({ DATABASE_URL: url, LAWTRAIL_TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::1' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::1',
    ]);
    for (const bad of ['true', '0', '11', '10.0.0.0/33', 'proxy.example.gov.cn', '10.0.0.1/8/1']) {
      expect(() => parseEnv({ DATABASE_URL: url, LAWTRAIL_TRUST_PROXY: bad })).toThrow(/LAWTRAIL_TRUST_PROXY/);
    }
  });
});
