import { MigrationInterface, QueryRunner } from 'typeorm';

/** What `lawtrail_app` may call instead of inserting into `case_records` and `record_day_heads`. */
const FUNCTIONS = ['lawtrail_append_record(uuid, text, uuid, text, text, text, text, text, jsonb)', 'lawtrail_seal_record_days(date, int)'];
/** The advisory lock sealers share (the number day-heads-store.ts took before). */
const SEAL_LOCK = 1795411200;

/**
 * The record's order, time and link are set by the database: `lawtrail_append_record`
 * (SECURITY DEFINER, owned by the migration role, fixed search_path) locks the case, assigns `seq`, takes
 * the time from the database clock (to the millisecond, never earlier than the case's previous entry)
 * and computes the SM3 link exactly as `record-chain.ts` does, so the existing verifier checks it.
 * `lawtrail_app` loses INSERT on `case_records`: a back-dated entry, a skipped number or a link of the
 * application's own making can no longer be written. The day heads are sealed the same way
 * (`lawtrail_seal_record_days`), and `lawtrail_app` loses INSERT on `record_day_heads` too.
 *
 * SM3 comes from pgcrypto's `digest(…, 'sm3')` (OpenSSL's SM3; a trusted extension, so the database
 * owner may create it). The canonical JSON of `canonical()` is rebuilt in SQL: keys in UTF-16 order,
 * strings escaped as JSON.stringify does, numbers printed as JavaScript prints the double they parse to.
 *
 * `db_time` tells the entries whose time the database set (true for every entry from now on, false for
 * those before): verification checks that their time never goes backwards. Older entries carried the
 * workflow's or the user's time and may legitimately be out of order.
 */
export class RecordByDatabase1795414200000 implements MigrationInterface {
  name = 'RecordByDatabase1795414200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS pgcrypto');
    const [{ schema }] = await q.query(
      `SELECT quote_ident(n.nspname) AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pgcrypto'`,
    );
    await q.query(`
      CREATE FUNCTION lawtrail_sm3(s text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
        AS $$ SELECT encode(${schema}.digest(convert_to(s, 'UTF8'), 'sm3'), 'hex') $$`);
    // Fails here, not on the first append, where OpenSSL was built without SM3.
    const [{ h }] = await q.query(`SELECT lawtrail_sm3('abc') AS h`);
    if (h !== '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0')
      throw new Error('pgcrypto digest(…, sm3) does not compute SM3');

    await q.query(`
      CREATE FUNCTION lawtrail_js_number(n numeric) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp SET extra_float_digits = 1
      AS $$
      DECLARE f text; neg boolean; e int := 0; ip text; d text; p int; k int; r text;
      BEGIN
        -- Exact below 2^53: the integer itself. Otherwise the double JSON.parse would read, printed by
        -- ECMAScript Number::toString from its shortest digits (float8 text with extra_float_digits >= 1).
        IF n = trunc(n) AND abs(n) < 9007199254740992 THEN RETURN trunc(n)::text; END IF;
        f := n::float8::text;
        neg := left(f, 1) = '-';
        IF neg THEN f := substr(f, 2); END IF;
        IF position('e' IN f) > 0 THEN e := split_part(f, 'e', 2)::int; f := split_part(f, 'e', 1); END IF;
        ip := split_part(f, '.', 1);
        d := ip || split_part(f, '.', 2);
        p := length(ip) + e;                      -- value = 0.d × 10^p
        p := p - (length(d) - length(ltrim(d, '0')));
        d := rtrim(ltrim(d, '0'), '0');
        IF d = '' THEN RETURN '0'; END IF;
        k := length(d);
        IF k <= p AND p <= 21 THEN r := d || repeat('0', p - k);
        ELSIF 0 < p AND p <= 21 THEN r := left(d, p) || '.' || substr(d, p + 1);
        ELSIF -6 < p AND p <= 0 THEN r := '0.' || repeat('0', -p) || d;
        ELSE r := left(d, 1) || CASE WHEN k > 1 THEN '.' || substr(d, 2) ELSE '' END
                  || 'e' || CASE WHEN p - 1 >= 0 THEN '+' ELSE '-' END || abs(p - 1)::text;
        END IF;
        RETURN CASE WHEN neg THEN '-' || r ELSE r END;
      END $$`);

    // JavaScript compares strings by UTF-16 code unit; "C" collation by code point. They differ only
    // when a key has a character at or above U+E000, so only then is this (slower) key used.
    await q.query(`
      CREATE FUNCTION lawtrail_utf16(s text) RETURNS int[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
      AS $$
        SELECT coalesce(array_agg(u ORDER BY i, j), '{}') FROM (
          SELECT i, 1 AS j, CASE WHEN cp < 65536 THEN cp ELSE 55296 + ((cp - 65536) >> 10) END AS u
            FROM (SELECT i, ascii(c) AS cp FROM string_to_table(s, NULL) WITH ORDINALITY t(c, i)) x
          UNION ALL
          SELECT i, 2, 56320 + ((cp - 65536) & 1023)
            FROM (SELECT i, ascii(c) AS cp FROM string_to_table(s, NULL) WITH ORDINALITY t(c, i)) y WHERE cp >= 65536
        ) units $$`);

    await q.query(`
      CREATE FUNCTION lawtrail_canonical(v jsonb) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
      AS $$
      DECLARE r text;
      BEGIN
        CASE jsonb_typeof(v)
          WHEN 'object' THEN
            IF EXISTS (SELECT FROM jsonb_object_keys(v) k WHERE k ~ '[\\uE000-\\U0010FFFF]') THEN
              SELECT string_agg(to_json(key)::text || ':' || public.lawtrail_canonical(value), ',' ORDER BY public.lawtrail_utf16(key)) INTO r FROM jsonb_each(v);
            ELSE
              SELECT string_agg(to_json(key)::text || ':' || public.lawtrail_canonical(value), ',' ORDER BY key COLLATE "C") INTO r FROM jsonb_each(v);
            END IF;
            RETURN '{' || coalesce(r, '') || '}';
          WHEN 'array' THEN
            SELECT string_agg(public.lawtrail_canonical(value), ',' ORDER BY i) INTO r FROM jsonb_array_elements(v) WITH ORDINALITY a(value, i);
            RETURN '[' || coalesce(r, '') || ']';
          WHEN 'number' THEN RETURN public.lawtrail_js_number(v::numeric);
          ELSE RETURN v::text; -- a string (escaped as JSON.stringify does), true, false, null
        END CASE;
      END $$`);

    await q.query('ALTER TABLE case_records ADD COLUMN db_time boolean NOT NULL DEFAULT false');
    await q.query('ALTER TABLE case_records ALTER COLUMN db_time SET DEFAULT true');

    await q.query(`
      CREATE FUNCTION lawtrail_append_record(p_case_id uuid, p_key text, p_actor_id uuid, p_actor_name text, p_actor_role text,
                                             p_action text, p_summary text, p_legal_basis text, p_details jsonb)
        RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = pg_catalog, pg_temp
      AS $$
      DECLARE last record; v_seq int; v_at timestamptz; v_hash text;
      BEGIN
        IF p_details IS NULL OR jsonb_typeof(p_details) <> 'object' THEN
          RAISE EXCEPTION 'details must be a JSON object' USING ERRCODE = '22023';
        END IF;
        -- One append at a time per case: numbers stay gapless and each entry links to the one before.
        PERFORM FROM public.cases WHERE id = p_case_id FOR UPDATE;
        IF NOT FOUND THEN RAISE EXCEPTION 'case % does not exist', p_case_id USING ERRCODE = '23503'; END IF;
        -- A retried append (same case and key) changes nothing.
        SELECT seq INTO v_seq FROM public.case_records WHERE case_id = p_case_id AND entry_key = p_key;
        IF FOUND THEN RETURN v_seq; END IF;
        SELECT seq, at, hash INTO last FROM public.case_records WHERE case_id = p_case_id ORDER BY seq DESC LIMIT 1;
        v_seq := coalesce(last.seq, 0) + 1;
        -- Milliseconds, as the verifier reads them back; never before the previous entry (a clock set back).
        v_at := greatest(date_trunc('milliseconds', clock_timestamp()), last.at);
        v_hash := public.lawtrail_sm3(coalesce(last.hash, '') || ':' || public.lawtrail_sm3(public.lawtrail_canonical(jsonb_build_object(
          'caseId', p_case_id::text, 'seq', v_seq, 'key', p_key,
          'at', to_char(v_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'actorId', p_actor_id::text, 'actorName', p_actor_name, 'actorRole', p_actor_role,
          'action', p_action, 'summary', p_summary, 'legalBasis', p_legal_basis, 'details', p_details))));
        INSERT INTO public.case_records
          (case_id, seq, entry_key, at, actor_id, actor_name, actor_role, action, summary, legal_basis, details, prev_hash, hash, db_time)
        VALUES (p_case_id, v_seq, p_key, v_at, p_actor_id, p_actor_name, p_actor_role, p_action, p_summary, p_legal_basis, p_details, last.hash, v_hash, true);
        RETURN v_seq;
      END $$`);

    // The day heads (每日链头) as day-heads.ts seals them: each case's last entry timed before the China
    // day ended, those that moved since their last pin, in case-id order, linked to the previous day.
    await q.query(`
      CREATE FUNCTION lawtrail_seal_record_days(p_through date, p_max_days int, OUT sealed date[], OUT more boolean)
        LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = pg_catalog, pg_temp
      AS $$
      DECLARE d date; v_prev text; v_cases jsonb; v_hash text; today date;
      BEGIN
        sealed := '{}';
        PERFORM pg_advisory_xact_lock(${SEAL_LOCK}); -- sealers queue instead of sealing a day twice
        -- A day that has not begun cannot be sealed (China time, UTC+8 without daylight saving).
        today := (clock_timestamp() AT TIME ZONE 'UTC' + interval '8 hours')::date;
        IF p_through > today THEN p_through := today; END IF;
        SELECT day + 1, hash INTO d, v_prev FROM public.record_day_heads ORDER BY day DESC LIMIT 1;
        IF d IS NULL THEN
          SELECT (min(at) AT TIME ZONE 'UTC' + interval '8 hours')::date INTO d FROM public.case_records;
          IF d IS NULL THEN more := false; RETURN; END IF;
        END IF;
        WHILE d <= p_through AND cardinality(sealed) < p_max_days LOOP
          WITH pinned AS (
            SELECT DISTINCT ON (c->>'caseId') c->>'caseId' AS case_id, (c->>'seq')::int AS seq
              FROM public.record_day_heads h CROSS JOIN LATERAL jsonb_array_elements(h.cases) c
             ORDER BY c->>'caseId', h.day DESC
          ), heads AS (
            SELECT c.id::text AS case_id, r.seq, r.hash FROM public.cases c
              CROSS JOIN LATERAL (SELECT seq, hash FROM public.case_records
                                   WHERE case_id = c.id AND at < ((d + 1)::timestamp AT TIME ZONE 'UTC' - interval '8 hours')
                                   ORDER BY seq DESC LIMIT 1) r
          )
          SELECT coalesce(jsonb_agg(jsonb_build_object('caseId', h.case_id, 'seq', h.seq, 'hash', h.hash) ORDER BY h.case_id COLLATE "C"), '[]')
            INTO v_cases FROM heads h LEFT JOIN pinned p ON p.case_id = h.case_id WHERE p.seq IS DISTINCT FROM h.seq;
          v_hash := public.lawtrail_sm3(coalesce(v_prev, '') || ':' || public.lawtrail_sm3(public.lawtrail_canonical(
            jsonb_build_object('day', to_char(d, 'YYYY-MM-DD'), 'cases', v_cases))));
          INSERT INTO public.record_day_heads (day, prev_hash, cases, hash) VALUES (d, v_prev, v_cases, v_hash);
          sealed := sealed || d;
          v_prev := v_hash;
          d := d + 1;
        END LOOP;
        more := d <= p_through;
      END $$`);

    for (const f of FUNCTIONS) await q.query(`REVOKE ALL ON FUNCTION ${f} FROM PUBLIC`);
    if (await appRoleExists(q)) {
      for (const f of FUNCTIONS) await q.query(`GRANT EXECUTE ON FUNCTION ${f} TO lawtrail_app`);
      await q.query('REVOKE INSERT ON case_records, record_day_heads FROM lawtrail_app');
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    if (await appRoleExists(q)) await q.query('GRANT INSERT ON case_records, record_day_heads TO lawtrail_app');
    for (const f of FUNCTIONS) await q.query(`DROP FUNCTION ${f}`);
    // A column drop fires no row trigger: no maintenance flag needed.
    await q.query('ALTER TABLE case_records DROP COLUMN db_time');
    await q.query('DROP FUNCTION lawtrail_canonical(jsonb)');
    await q.query('DROP FUNCTION lawtrail_utf16(text)');
    await q.query('DROP FUNCTION lawtrail_js_number(numeric)');
    await q.query('DROP FUNCTION lawtrail_sm3(text)');
    // pgcrypto stays: it may have been there before, and other objects may use it.
  }
}

async function appRoleExists(q: QueryRunner): Promise<boolean> {
  const [{ exists }] = await q.query(`SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lawtrail_app') AS exists`);
  return exists;
}
