import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A token version per user. A bearer token carries the version it was issued under;
 * every request compares it with the row, so a token stops working as soon as the version moves.
 * Logout moves it; so does, by this trigger, any change that must end a session whoever makes it
 * (the API, an operator in psql): the password, the account disabled, its role, agency or unit.
 */
export class Sessions1795414800000 implements MigrationInterface {
  name = 'Sessions1795414800000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0');
    await q.query(`CREATE FUNCTION users_end_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (OLD.password_hash, OLD.active, OLD.role, OLD.agency_id, OLD.unit)
           IS DISTINCT FROM (NEW.password_hash, NEW.active, NEW.role, NEW.agency_id, NEW.unit) THEN
          NEW.token_version := GREATEST(NEW.token_version, OLD.token_version + 1);
        END IF;
        RETURN NEW;
      END $$`);
    await q.query('CREATE TRIGGER users_end_sessions BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION users_end_sessions()');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER users_end_sessions ON users');
    await q.query('DROP FUNCTION users_end_sessions()');
    await q.query('ALTER TABLE users DROP COLUMN token_version');
  }
}
