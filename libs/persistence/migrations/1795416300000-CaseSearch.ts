import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finding a case by what people remember of it: its number (案号), a party's name or ID number, typed
 * in part (`GET /cases?q=`). Chinese has no word boundaries, so the match is a substring (LIKE '%…%'),
 * which a btree cannot serve; a trigram GIN index (pg_trgm, shipped with PostgreSQL's contrib in the
 * embedded server and in the postgres image, and a trusted extension) can, from three characters on.
 *
 * `search_text` is one stored, generated column: the case number, then every party's name and ID number,
 * folded by `case_search_fold` (lower case, so an ID number's final x matches X; every bracket kind as
 * 〔〕, as numbers are typed with [] or () as often as with 〔〕; full-width digits and Ｘ, as a Chinese
 * input method types them, as ASCII). Queries fold their text with the same function. The parts are joined by a space, which pg_trgm takes as a word boundary, so no trigram spans two.
 *
 * pg_trgm reads CJK characters as word characters only where the database's LC_CTYPE says they are
 * letters (C.UTF-8, en_US.UTF-8, zh_CN.UTF-8; not plain C): there the index is exact about them, elsewhere
 * it still answers correctly but reads more of itself.
 */
export class CaseSearch1795416300000 implements MigrationInterface {
  name = 'CaseSearch1795416300000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await q.query(`
      CREATE FUNCTION case_search_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT lower(translate(t, '[]()（）【】［］０１２３４５６７８９Ｘｘ', '〔〕〔〕〔〕〔〕〔〕0123456789xx')) $$`);
    // The form is the 程序启动审批表 as the officer filed it: parties is an array of { name, idNumber, … }.
    await q.query(`
      CREATE FUNCTION case_search_parties(form jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$
        SELECT coalesce(string_agg(concat_ws(' ', p->>'name', p->>'idNumber'), ' ' ORDER BY n), '')
        FROM jsonb_array_elements(CASE WHEN jsonb_typeof(form->'parties') = 'array' THEN form->'parties' ELSE '[]'::jsonb END)
             WITH ORDINALITY AS e(p, n)
      $$`);
    // The one place that says what a search finds. Filing numbers a case (an UPDATE): the column follows.
    // `||` rather than concat_ws, which PostgreSQL takes as only stable (it formats any type).
    await q.query(`
      ALTER TABLE cases ADD COLUMN search_text text NOT NULL
      GENERATED ALWAYS AS (case_search_fold(coalesce(case_number || ' ', '') || case_search_parties(form))) STORED`);
    await q.query('CREATE INDEX cases_search_text_trgm_idx ON cases USING gin (search_text gin_trgm_ops)');
    // The list filters by the day a case ended (by the day it started: cases_agency_started_idx).
    await q.query('CREATE INDEX cases_agency_ended_idx ON cases (agency_id, ended_at) WHERE ended_at IS NOT NULL');
    // Cases ended by execution (结案) did not record when until now.
    await q.query(`
      UPDATE cases c SET ended_at = r.at FROM case_records r
      WHERE r.case_id = c.id AND r.action = 'case_ended' AND c.ended_at IS NULL`);
  }

  /** The end times filled in stay: each is the time of the case's own record line. */
  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX cases_agency_ended_idx');
    await q.query('DROP INDEX cases_search_text_trgm_idx');
    await q.query('ALTER TABLE cases DROP COLUMN search_text');
    await q.query('DROP FUNCTION case_search_parties(jsonb)');
    await q.query('DROP FUNCTION case_search_fold(text)');
    // Without CASCADE: if anything else has come to use pg_trgm, this fails rather than drop it.
    await q.query('DROP EXTENSION IF EXISTS pg_trgm');
  }
}
