import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agencies and their profiles as data: `agencies` (one row per agency, its code unique across
 * agencies) and `agency_profiles` (every version of every agency's rules, the five built-in ones
 * loaded by the API at start, the others by an administrator). A stored version is never changed
 * or removed — cases pin it — so `lawtrail_app` may only read and add. The document carries its
 * own id, version, code and effective date; the constraints keep the columns equal to them, and the
 * composite key to `agencies` keeps an agency's code the same in every version.
 */
export class AgencyProfiles1795416200000 implements MigrationInterface {
  name = 'AgencyProfiles1795416200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agencies (
        id text PRIMARY KEY,
        code text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (id, code)
      )`);
    await q.query(`
      CREATE TABLE agency_profiles (
        agency_id text NOT NULL,
        version int NOT NULL CHECK (version >= 1),
        code text NOT NULL,
        effective_from date NOT NULL,
        document jsonb NOT NULL,
        hash text NOT NULL,
        source text NOT NULL CHECK (source IN ('builtin', 'loaded')),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agency_id, version),
        FOREIGN KEY (agency_id, code) REFERENCES agencies (id, code),
        CHECK (document->>'id' = agency_id AND (document->>'version')::int = version AND document->>'code' = code
               AND (document->>'effectiveFrom')::date = effective_from),
        CHECK ((source = 'builtin') = (created_by IS NULL))
      )`);
    if (await roleExists(q)) await q.query('REVOKE UPDATE, DELETE, TRUNCATE ON agencies, agency_profiles FROM lawtrail_app');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE agency_profiles');
    await q.query('DROP TABLE agencies');
  }
}

async function roleExists(q: QueryRunner): Promise<boolean> {
  const [{ exists }] = await q.query(`SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lawtrail_app') AS exists`);
  return exists;
}
