import { MigrationInterface, QueryRunner } from 'typeorm';

/** Messages to staff (a 催办 on their task): to one person, or to everyone of a role in the agency. */
export class Notifications1795408200000 implements MigrationInterface {
  name = 'Notifications1795408200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        agency_id text NOT NULL,
        user_id uuid,
        role text NOT NULL,
        case_id uuid NOT NULL REFERENCES cases(id),
        task_id uuid NOT NULL,
        message text NOT NULL,
        sent_by uuid NOT NULL,
        sent_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX notifications_user_idx ON notifications (user_id, sent_at DESC)');
    await q.query('CREATE INDEX notifications_role_idx ON notifications (agency_id, role, sent_at DESC) WHERE user_id IS NULL');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE notifications');
  }
}
