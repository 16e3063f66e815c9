import { MigrationInterface, QueryRunner } from 'typeorm';

const ROLES_BEFORE = `'officer','unit_head','legal_reviewer','chief','archivist','supervisor','admin'`;

/**
 * People administered at run time: the agency administrator's role; an officer's 执法证件 with its
 * issuer and validity (行政处罚法 42: only officers holding a valid certificate investigate), dates
 * as China calendar days; a password set by an administrator, to be changed at the first login; and
 * the before/after of an administrative change in the access audit (secrets left out by the API).
 */
export class UserAdministration1795416000000 implements MigrationInterface {
  name = 'UserAdministration1795416000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users DROP CONSTRAINT users_role_check');
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN (${ROLES_BEFORE},'agency_admin'))`);
    await q.query(`ALTER TABLE users
      ADD COLUMN certificate_issuer text,
      ADD COLUMN certificate_valid_from date,
      ADD COLUMN certificate_valid_to date,
      ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
      ADD CONSTRAINT users_certificate_validity_check CHECK (certificate_valid_to >= certificate_valid_from)`);
    await q.query('ALTER TABLE audit_log ADD COLUMN details jsonb');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE audit_log DROP COLUMN details');
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_certificate_validity_check,
      DROP COLUMN must_change_password, DROP COLUMN certificate_valid_to, DROP COLUMN certificate_valid_from, DROP COLUMN certificate_issuer`);
    await q.query(`DELETE FROM users WHERE role = 'agency_admin'`);
    await q.query('ALTER TABLE users DROP CONSTRAINT users_role_check');
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN (${ROLES_BEFORE}))`);
  }
}
