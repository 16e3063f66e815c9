import { EntityManager } from 'typeorm';
import { AssignedRule, NumberKind, Numbering, chinaYear, formatNumber } from '../domain/numbering';
import { numberingOf } from '../profiles/numbering';

/**
 * The next number of this agency, kind and year, inside the caller's transaction (table number_sequences,
 * migration CaseNumbers). The counter's row stays locked until the act commits: concurrent acts of the
 * same agency and kind wait in turn, and an act that rolls back gives its number back, so the numbers
 * that exist run 1, 2, 3 … without a gap and none comes twice.
 */
export async function nextSeq(m: EntityManager, agencyId: string, kind: NumberKind, year: number): Promise<number> {
  const [{ last }] = await m.query(
    `INSERT INTO number_sequences (agency_id, kind, year, last) VALUES ($1, $2, $3, 1)
     ON CONFLICT (agency_id, kind, year) DO UPDATE SET last = number_sequences.last + 1
     RETURNING last`,
    [agencyId, kind, year],
  );
  return last;
}

/**
 * The number an act gets in assigned mode, formatted with the rule it carries and the China year of
 * `at` (the act's instant or China date); null without a rule (typed by hand, or a case that pinned
 * no numbering).
 */
export async function assignNumber(
  m: EntityManager,
  rule: AssignedRule | undefined,
  kind: NumberKind,
  agencyId: string,
  at: string,
): Promise<string | null> {
  if (!rule) return null;
  const year = chinaYear(at);
  const seq = await nextSeq(m, agencyId, kind, year);
  return formatNumber(rule.pattern, { agencyShort: rule.agencyShort, year, seq });
}

/**
 * The numbering of the profile version a case pinned, from the stored profiles (agency_profiles): for a
 * case whose workflow started before its input carried the rule, so that it is still numbered when filed.
 * Undefined where the version is not stored.
 */
export async function pinnedNumbering(m: EntityManager, agencyId: string, version: number): Promise<Numbering | undefined> {
  const [p]: { code: string; numbering: Parameters<typeof numberingOf>[0]['numbering'] | null }[] = await m.query(
    `SELECT code, document->'numbering' AS numbering FROM agency_profiles WHERE agency_id = $1 AND version = $2`,
    [agencyId, version],
  );
  return p && numberingOf({ code: p.code, numbering: p.numbering ?? undefined });
}
