import { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, cases, the whole-process record, the task projection, escalations and the access audit. */
export class Initiation1795397115955 implements MigrationInterface {
  name = 'Initiation1795397115955';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('officer','unit_head','legal_reviewer','chief','archivist','supervisor')),
        agency_id text NOT NULL,
        unit text NOT NULL,
        certificate_no text,
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY,
        agency_id text NOT NULL,
        profile_version int NOT NULL,
        source text NOT NULL CHECK (source IN ('application','ex_officio','complaint')),
        emergency boolean NOT NULL,
        status text NOT NULL,
        stage text NOT NULL,
        handling_officer_id uuid NOT NULL REFERENCES users(id),
        form jsonb NOT NULL,
        overdue boolean NOT NULL DEFAULT false,
        workflow_id text NOT NULL,
        started_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX cases_agency_started_idx ON cases (agency_id, started_at DESC)`);
    await q.query(`CREATE INDEX cases_agency_overdue_idx ON cases (agency_id) WHERE overdue`);
    await q.query(`
      CREATE TABLE case_records (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        seq int NOT NULL,
        entry_key text NOT NULL,
        at timestamptz NOT NULL,
        actor_id uuid,
        actor_name text,
        actor_role text,
        action text NOT NULL,
        summary text NOT NULL,
        legal_basis text,
        details jsonb NOT NULL DEFAULT '{}',
        UNIQUE (case_id, seq),
        UNIQUE (case_id, entry_key)
      )`);
    await q.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        agency_id text NOT NULL,
        workflow_id text NOT NULL,
        kind text NOT NULL,
        role text NOT NULL,
        assignee_id uuid REFERENCES users(id),
        status text NOT NULL CHECK (status IN ('open','completed')),
        due_at timestamptz,
        opened_at timestamptz NOT NULL,
        completed_at timestamptz,
        completed_by uuid REFERENCES users(id),
        decision text,
        opinion text,
        notification jsonb
      )`);
    await q.query(`CREATE INDEX tasks_open_idx ON tasks (agency_id, role, due_at) WHERE status = 'open'`);
    await q.query(`CREATE INDEX tasks_case_idx ON tasks (case_id)`);
    await q.query(`
      CREATE TABLE escalations (
        id text PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        agency_id text NOT NULL,
        task_id uuid REFERENCES tasks(id),
        kind text NOT NULL,
        due_at timestamptz NOT NULL,
        escalated_at timestamptz NOT NULL,
        must_act jsonb NOT NULL,
        legal_basis text NOT NULL,
        resolved_at timestamptz
      )`);
    await q.query(`CREATE INDEX escalations_agency_idx ON escalations (agency_id, escalated_at DESC)`);
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        user_id uuid,
        username text,
        agency_id text,
        action text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('allowed','denied')),
        method text,
        path text,
        code text,
        ip text
      )`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at DESC)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of ['audit_log', 'escalations', 'tasks', 'case_records', 'cases', 'users']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
