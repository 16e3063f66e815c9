import { isIP } from 'node:net';

/** Settings of the API and the worker, parsed once at start-up from the environment. */
export interface Env {
  /** The schema owner: migrations, demo seed, `npm run verify`, maintenance. */
  databaseUrl: string;
  /** What the API and the worker connect with: `DATABASE_APP_URL` (role `lawtrail_app`), else `DATABASE_URL`. */
  appDatabaseUrl: string;
  temporalAddress: string;
  temporalNamespace: string;
  taskQueue: string;
  port: number;
  /**
   * HS256 signing key. Empty in development when `LAWTRAIL_JWT_SECRET` is not set: the API then uses
   * a random key generated once into the data folder (libs/config/dev-secret.ts), never one in the code.
   */
  jwtSecret: string;
  /** Where audiovisual files are kept, by content hash (a volume in docker/). */
  storageDir: string;
  /** Largest audiovisual file accepted, in bytes. */
  maxUploadBytes: number;
  /** Browser origins allowed to call the API (CORS); none by default. */
  corsOrigins: string[];
  /** Login attempts allowed per account and address in a minute. */
  loginAttemptsPerMinute: number;
  /** Login attempts allowed per address in a minute, whatever the accounts (password spraying). */
  loginAttemptsPerAddressPerMinute: number;
  /** Longest a statement of the API may run before PostgreSQL cancels it (503, not a held request). */
  dbStatementTimeoutMs: number;
  /** A connection that sends or receives nothing this long is closed (a stalled body). */
  httpIdleTimeoutMs: number;
  /**
   * Express `trust proxy`: which hops in front of the API may say who the client is (X-Forwarded-For),
   * so the login limits and the audit see the client's address rather than the reverse proxy's.
   * Off by default: without a proxy, believing the header would let any client pick its own address.
   * A number counts the proxies in front; a list names them (addresses, CIDR ranges, or Express's
   * `loopback`, `linklocal`, `uniquelocal`).
   */
  trustProxy: false | number | string[];
  /** The built workbench (apps/web/dist) the API serves at `/`; not served when it holds no index.html. */
  webDir: string;
  production: boolean;
}

const PROXY_PRESETS = ['loopback', 'linklocal', 'uniquelocal'];

/** `LAWTRAIL_TRUST_PROXY`: unset, empty or `false` → off; a hop count; or a comma-separated list. `true` (trust anyone) is refused. */
function trustProxy(value: string | undefined, problems: string[]): Env['trustProxy'] {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false') return false;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops < 1 || hops > 10) problems.push('LAWTRAIL_TRUST_PROXY must be 1 to 10 hops, a list of proxy addresses, or false');
    return hops;
  }
  const list = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const ok = (x: string) => {
    const [addr, bits, ...rest] = x.split('/');
    if (PROXY_PRESETS.includes(x)) return true;
    if (rest.length || !isIP(addr)) return false;
    return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (isIP(addr) === 4 ? 32 : 128));
  };
  if (!list.length || !list.every(ok))
    problems.push(
      'LAWTRAIL_TRUST_PROXY must be a hop count, a comma-separated list of proxy addresses or CIDR ranges (or loopback, linklocal, uniquelocal), or false',
    );
  return list;
}

function positiveInt(env: Record<string, string | undefined>, name: string, fallback: number, problems: string[]): number {
  const n = Number(env[name] ?? fallback);
  if (!Number.isInteger(n) || n < 1) problems.push(`${name} must be a positive integer`);
  return n;
}

/** Pure: takes the environment as an argument, throws one message listing every bad variable. */
export function parseEnv(env: Record<string, string | undefined>): Env {
  const problems: string[] = [];
  const production = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL ?? '';
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL must be a postgres:// URL');
  const appDatabaseUrl = env.DATABASE_APP_URL || databaseUrl;
  if (env.DATABASE_APP_URL && !/^postgres(ql)?:\/\//.test(appDatabaseUrl)) problems.push('DATABASE_APP_URL must be a postgres:// URL');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push('PORT must be a port number');
  const jwtSecret = env.LAWTRAIL_JWT_SECRET ?? '';
  if ((production || env.LAWTRAIL_JWT_SECRET !== undefined) && jwtSecret.length < 16) {
    problems.push('LAWTRAIL_JWT_SECRET must be 16 characters or more (and is required in production)');
  }
  const maxUploadBytes = Number(env.LAWTRAIL_MAX_UPLOAD_BYTES ?? 4 * 1024 ** 3);
  if (!Number.isInteger(maxUploadBytes) || maxUploadBytes < 1) problems.push('LAWTRAIL_MAX_UPLOAD_BYTES must be a positive integer');
  const loginAttemptsPerMinute = positiveInt(env, 'LAWTRAIL_LOGIN_ATTEMPTS_PER_MINUTE', 10, problems);
  const loginAttemptsPerAddressPerMinute = positiveInt(env, 'LAWTRAIL_LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE', 60, problems);
  const dbStatementTimeoutMs = positiveInt(env, 'LAWTRAIL_DB_STATEMENT_TIMEOUT_MS', 10_000, problems);
  const httpIdleTimeoutMs = positiveInt(env, 'LAWTRAIL_HTTP_IDLE_TIMEOUT_MS', 30_000, problems);
  const trusted = trustProxy(env.LAWTRAIL_TRUST_PROXY, problems);
  const corsOrigins = (env.LAWTRAIL_CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (corsOrigins.some((o) => !/^https?:\/\/[^/]+$/.test(o)))
    problems.push('LAWTRAIL_CORS_ORIGINS must be a comma-separated list of origins such as https://zf.example.gov.cn');
  if (problems.length) throw new Error(`Invalid environment: ${problems.join('; ')}`);
  return {
    databaseUrl,
    appDatabaseUrl,
    temporalAddress: env.TEMPORAL_ADDRESS || '127.0.0.1:7233',
    temporalNamespace: env.TEMPORAL_NAMESPACE || 'default',
    taskQueue: env.LAWTRAIL_TASK_QUEUE || 'lawtrail',
    port,
    jwtSecret,
    storageDir: env.LAWTRAIL_STORAGE_DIR || '.data/storage',
    maxUploadBytes,
    corsOrigins,
    loginAttemptsPerMinute,
    loginAttemptsPerAddressPerMinute,
    dbStatementTimeoutMs,
    httpIdleTimeoutMs,
    trustProxy: trusted,
    webDir: env.LAWTRAIL_WEB_DIR || 'apps/web/dist',
    production,
  };
}
