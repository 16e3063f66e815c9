import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A decision's 文号 names one decision of its agency: the number is kept on the case it
 * decided (normal procedure or 简易程序) and unique per agency. Cases decided before keep the number
 * their record line gave, the first case per number only (a later duplicate stays without one).
 */
export class DecisionNumbers1795415700000 implements MigrationInterface {
  name = 'DecisionNumbers1795415700000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases ADD COLUMN decision_number text');
    await q.query(`
      UPDATE cases c SET decision_number = first.number
      FROM (SELECT DISTINCT ON (k.agency_id, r.details->>'documentNumber') r.case_id, r.details->>'documentNumber' AS number
            FROM case_records r JOIN cases k ON k.id = r.case_id
            WHERE r.action = 'decision_issued' AND r.details ? 'documentNumber'
            ORDER BY k.agency_id, r.details->>'documentNumber', r.at, r.id) first
      WHERE c.id = first.case_id`);
    await q.query('CREATE UNIQUE INDEX cases_decision_number_key ON cases (agency_id, decision_number) WHERE decision_number IS NOT NULL');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX cases_decision_number_key');
    await q.query('ALTER TABLE cases DROP COLUMN decision_number');
  }
}
