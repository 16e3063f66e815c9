import { MigrationInterface, QueryRunner } from 'typeorm';

/** The record: appended, never edited. The app role may read and insert here, nothing more. */
const RECORD_TABLES = ['case_records', 'record_day_heads', 'evidence_records', 'av_files', 'record_flags', 'audit_log'];

/**
 * The application's role `lawtrail_app` (the API and the worker log in as it, DATABASE_APP_URL):
 * every table as before, except the record tables — SELECT and INSERT only, no UPDATE, DELETE or
 * TRUNCATE — and not the migrations table. Migrations keep running as the owner, whose edits the
 * append-only trigger still refuses without the maintenance flag: two walls.
 *
 * The role is created (NOLOGIN) if missing and the owner may create roles; where it may not, nothing
 * is granted and the API keeps connecting as DATABASE_URL (README lists what an operator runs). Tables
 * created later are granted by default privileges; a later record table must revoke UPDATE, DELETE.
 */
export class AppRole1795411320000 implements MigrationInterface {
  name = 'AppRole1795411320000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lawtrail_app') THEN
        BEGIN
          CREATE ROLE lawtrail_app NOLOGIN;
        EXCEPTION
          WHEN duplicate_object OR unique_violation THEN NULL;
          WHEN insufficient_privilege THEN RAISE NOTICE 'lawtrail_app not created (no CREATEROLE): create it and grant as the README says';
        END;
      END IF;
    END $$`);
    if (!(await roleExists(q))) return;
    await q.query('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO lawtrail_app');
    await q.query('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO lawtrail_app');
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${RECORD_TABLES.join(', ')} FROM lawtrail_app`);
    await q.query('REVOKE ALL ON migrations FROM lawtrail_app');
    await q.query('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO lawtrail_app');
    await q.query('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO lawtrail_app');
  }

  public async down(q: QueryRunner): Promise<void> {
    if (!(await roleExists(q))) return;
    // The role itself stays: it is shared by every database of the server.
    await q.query('ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM lawtrail_app');
    await q.query('ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM lawtrail_app');
    await q.query('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM lawtrail_app');
    await q.query('REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM lawtrail_app');
  }
}

async function roleExists(q: QueryRunner): Promise<boolean> {
  const [{ exists }] = await q.query(`SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lawtrail_app') AS exists`);
  return exists;
}
