/** The application's database role: what the API and the worker log in as (README "The record cannot be quietly edited"). */
export const APP_ROLE = 'lawtrail_app';

type Run = (sql: string, params?: unknown[]) => Promise<unknown>;
const rowsOf = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { lit: string }[];

/**
 * Makes `lawtrail_app` a login with this password, creating it if missing (needs CREATEROLE, as the
 * embedded and test servers' owner has). Its privileges come from the AppRole migration. The password
 * is quoted by PostgreSQL itself (`format('%L')`).
 */
export async function ensureAppLogin(run: Run, password: string): Promise<void> {
  if (!password || password.includes('$role$'))
    throw new Error('the application role password must be non-empty and must not contain $role$');
  const [{ lit }] = rowsOf(await run('SELECT format($1::text, $2::text) AS lit', ['%L', password]));
  await run(`DO $role$ BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN ALTER ROLE ${APP_ROLE} LOGIN PASSWORD ${lit};
    ELSE CREATE ROLE ${APP_ROLE} LOGIN PASSWORD ${lit};
    END IF;
  END $role$`);
}

/** `url` with the application role's name and password in place of the owner's. */
export function appUrl(url: string, password: string): string {
  const u = new URL(url);
  u.username = APP_ROLE;
  u.password = encodeURIComponent(password);
  return u.toString();
}
