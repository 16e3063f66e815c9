import { MigrationInterface, QueryRunner } from 'typeorm';

/** Service of documents (送达): one row per document and recipient, with its attempts as the workflow sees them. */
export class Services1795405800000 implements MigrationInterface {
  name = 'Services1795405800000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE services (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        agency_id text NOT NULL,
        document_kind text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'served')),
        served_at timestamptz,
        method text,
        deemed boolean NOT NULL,
        must_serve_by timestamptz,
        overdue boolean NOT NULL,
        view jsonb NOT NULL,
        version int NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX services_case_idx ON services (case_id)');
    await q.query("CREATE INDEX services_pending_idx ON services (agency_id, must_serve_by) WHERE status = 'pending'");
    // 送达地址确认书 (004 第二十二条): the address, contact and email the party confirmed, and consent to electronic service.
    await q.query(`
      CREATE TABLE service_addresses (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        address text NOT NULL,
        contact text,
        email text,
        electronic_consent boolean NOT NULL,
        confirmed_at timestamptz NOT NULL,
        signed_by text NOT NULL,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX service_addresses_case_idx ON service_addresses (case_id, confirmed_at DESC)');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE service_addresses');
    await q.query('DROP TABLE services');
  }
}
