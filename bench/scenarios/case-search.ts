import { performance } from 'node:perf_hooks';
import { DataSource, Logger } from 'typeorm';
import { CaseListQuery } from '#api/cases/cases.dto';
import { CasesService } from '#api/cases/cases.service';
import { Actor } from '#libs/domain/roles';
import { dataSourceOptions } from '#libs/persistence/data-source';
import { CasesRepository } from '#libs/persistence/repositories/cases.repository';
import { UnitsRepository } from '#libs/persistence/repositories/units.repository';
import { UsersRepository } from '#libs/persistence/repositories/users.repository';
import { AGENCY, Bench, OFFICER } from '../lib/context';
import { Summary, ratio, round, summarize } from '../lib/stats';
import { fillCases } from './case-search-fill';

export interface SearchPlan {
  /** Scan nodes of the page query and of the count query. */
  nodes: string[];
  /** Execution time in PostgreSQL of both. */
  executionMs: number;
}

export interface SearchProbe {
  name: string;
  query: string;
  /** Cases of the agency that match. */
  total: number;
  http: Summary;
  plan: SearchPlan;
  /** The same queries with index and bitmap scans switched off: a sequential scan of the table. */
  sequential: SearchPlan;
  /** sequential / plan execution time. */
  speedup: number;
  /** The trigram index is expected (three characters or more) and was used. */
  trigramExpected: boolean;
  trigramUsed: boolean;
}

export interface CaseSearch {
  cases: number;
  agencyCases: number;
  fillSeconds: number;
  tableMb: number;
  trigramIndexMb: number;
  /** The list's first page without any filter: what every probe is compared with. */
  unfiltered: SearchProbe;
  probes: SearchProbe[];
}

const TRIGRAM_INDEX = 'cases_search_text_trgm_idx';

/**
 * 6. Case search: `cases` filled to `sizes.searchCases` rows by direct SQL (bench/scenarios/case-search-fill.ts),
 * then the officer searches as a client would (GET /api/v1/cases?q=…, sequential requests) by case number, by a party's
 * 3-character and 2-character name, an ID number's last digits and birth date, an organisation's name
 * (many matches), that name with filters, and filters alone. Each probe's page and count queries — taken from
 * CasesService itself over a DataSource that records what it sends — are EXPLAINed with their plan, and
 * again with index scans off. Runs last: its rows would count as open cases in scenario 4.
 */
export async function caseSearch(b: Bench): Promise<CaseSearch> {
  const n = b.sizes.searchCases;
  b.progress.section(`6/6 case search: ${n.toLocaleString('en')} cases by direct SQL, then search over HTTP`);
  const t0 = performance.now();
  await fillCases(b.db, n);
  const fillSeconds = round((performance.now() - t0) / 1000, 1);
  const {
    rows: [size],
  } = await b.db.query(
    `SELECT count(*)::int AS cases, count(*) FILTER (WHERE agency_id = $1)::int AS agency,
            pg_table_size('cases') AS tbl, pg_relation_size($2) AS idx FROM cases`,
    [AGENCY, TRIGRAM_INDEX],
  );
  b.progress.done(`filled in ${fillSeconds} s: ${size.cases} cases, ${size.agency} of them the agency's`);
  const recorder = await recordingDataSource(b.stack.databaseUrl);
  try {
    const probe = (name: string, q: Record<string, string>) => measure(b, recorder, name, q);
    const unfiltered = await probe('unfiltered first page', {});
    const probes: SearchProbe[] = [];
    for (const [name, q] of Object.entries(await probesOf(b))) probes.push(await probe(name, q));
    return {
      cases: size.cases,
      agencyCases: size.agency,
      fillSeconds,
      tableMb: round(Number(size.tbl) / 2 ** 20, 1),
      trigramIndexMb: round(Number(size.idx) / 2 ** 20, 1),
      unfiltered,
      probes,
    };
  } finally {
    await recorder.source.destroy();
  }
}

/** What the officer types, taken from the rows themselves so that each probe finds its case. */
async function probesOf(b: Bench): Promise<Record<string, Record<string, string>>> {
  const person = async (chars: number) => {
    const { rows } = await b.db.query(
      `SELECT form->'parties'->0->>'name' AS name, form->'parties'->0->>'idNumber' AS id FROM cases
        WHERE agency_id = $1 AND workflow_id LIKE 'bench-search-%' AND char_length(form->'parties'->0->>'name') = $2
        ORDER BY workflow_id LIMIT 1`,
      [AGENCY, chars],
    );
    return rows[0] as { name: string; id: string };
  };
  const three = await person(3);
  const two = await person(2);
  const {
    rows: [numbered],
  } = await b.db.query(
    `SELECT case_number FROM cases WHERE agency_id = $1 AND case_number IS NOT NULL ORDER BY workflow_id LIMIT 1 OFFSET 5000`,
    [AGENCY],
  );
  return {
    'case number, whole': { q: numbered.case_number },
    'case number, year and sequence': { q: /〔\d{4}〕\d+/.exec(numbered.case_number)![0] },
    'name, 3 characters': { q: three.name },
    'name, 2 characters': { q: two.name },
    'ID number, last 6': { q: three.id.slice(-6) },
    'ID number, birth date': { q: three.id.slice(6, 14) },
    'organisation, 4 characters (many)': { q: '盛世养老' },
    'organisation + status, stage, year started, unit': {
      q: '盛世养老',
      status: 'initiated',
      stage: 'decision',
      startedFrom: '2025-01-01',
      startedTo: '2025-12-31',
      unit: '执法科',
    },
    'filters alone: status, month ended': { status: 'terminated', endedFrom: '2025-06-01', endedTo: '2025-06-30' },
  };
}

async function measure(b: Bench, recorder: Recorder, name: string, q: Record<string, string>): Promise<SearchProbe> {
  const path = `/api/v1/cases?${new URLSearchParams(q)}`;
  const repeat = b.sizes.quick ? 10 : 30;
  let total = 0;
  const latencies: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < repeat; i++) {
    const s = performance.now();
    total = (await b.api.call<{ total: number }>('GET', path, OFFICER)).total;
    latencies.push(performance.now() - s);
  }
  const http = summarize(latencies, (performance.now() - t0) / 1000);
  const sent = await recorder.sqlOf(q);
  const plan = await explain(b, sent, false);
  const sequential = await explain(b, sent, true);
  const trigramExpected = q.q !== undefined && [...q.q].length >= 3;
  const trigramUsed = plan.nodes.some((node) => node.includes(TRIGRAM_INDEX));
  b.progress.done(
    `${name}: ${total} found, HTTP p50 ${http.p50} ms; PostgreSQL ${plan.executionMs} ms (${plan.nodes.join(', ')}), sequential ${sequential.executionMs} ms` +
      (trigramExpected && !trigramUsed ? ' — TRIGRAM INDEX NOT USED' : ''),
  );
  return {
    name,
    query: path,
    total,
    http,
    plan,
    sequential,
    speedup: ratio(sequential.executionMs, plan.executionMs),
    trigramExpected,
    trigramUsed,
  };
}

interface Sent {
  sql: string;
  params: unknown[];
}

interface Recorder {
  source: DataSource;
  /** The statements CasesService.list sends for this query (the page and the count). */
  sqlOf(q: Record<string, string>): Promise<Sent[]>;
}

async function recordingDataSource(url: string): Promise<Recorder> {
  let sent: Sent[] = [];
  const logger: Logger = {
    logQuery: (sql, params) => void sent.push({ sql, params: params ?? [] }),
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  const source = await new DataSource({ ...dataSourceOptions(url, 1), logging: ['query'], logger }).initialize();
  const service = new CasesService(
    new CasesRepository(source),
    undefined as never,
    undefined as never,
    new UnitsRepository(source),
    new UsersRepository(source),
  );
  return {
    source,
    async sqlOf(q) {
      sent = [];
      await service.list({ agencyId: AGENCY } as Actor, Object.assign(new CaseListQuery(), q));
      return sent.filter((s) => /FROM "cases"/.test(s.sql));
    },
  };
}

async function explain(b: Bench, statements: Sent[], sequential: boolean): Promise<SearchPlan> {
  const client = await b.db.connect();
  const nodes: string[] = [];
  let executionMs = 0;
  try {
    await client.query('BEGIN');
    if (sequential)
      await client.query('SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_indexonlyscan = off');
    for (const s of statements) {
      const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${s.sql}`, s.params);
      const root = rows[0]['QUERY PLAN'][0];
      const walk = (node: any) => {
        if (node['Index Name']) nodes.push(`${node['Node Type']} ${node['Index Name']}`);
        else if (node['Relation Name']) nodes.push(`${node['Node Type']} on ${node['Relation Name']}`);
        (node.Plans ?? []).forEach(walk);
      };
      walk(root.Plan);
      executionMs += root['Execution Time'];
    }
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
  return { nodes: [...new Set(nodes)], executionMs: round(executionMs, 2) };
}

/** The scenario's table for bench/results/*.md. */
export function searchMarkdown(s: CaseSearch): string[] {
  const f = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en') : String(x));
  const out = [
    `**Case search** at ${s.cases.toLocaleString('en')} cases (${s.agencyCases.toLocaleString('en')} of the searching agency; filled in ${s.fillSeconds} s): ` +
      `table ${s.tableMb} MiB, trigram index ${s.trigramIndexMb} MiB. Times in ms; "× page" is the HTTP p50 over the unfiltered first page's ` +
      `(${s.unfiltered.http.p50} ms); "× faster" is the sequential scan's time in PostgreSQL over the plan's (page and count queries together).`,
    '',
    '| search | found | HTTP p50 / p95 | × page | PostgreSQL | sequential | × faster | plan |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const p of [s.unfiltered, ...s.probes]) {
    const check = p.trigramExpected && !p.trigramUsed ? ' **trigram index not used**' : '';
    out.push(
      `| ${p.name} | ${p.total.toLocaleString('en')} | ${f(p.http.p50)} / ${f(p.http.p95)} | ${ratio(p.http.p50, s.unfiltered.http.p50)}× | ${f(p.plan.executionMs)} | ` +
        `${f(p.sequential.executionMs)} | ${p.speedup}× | ${p.plan.nodes.join(', ')}${check} |`,
    );
  }
  out.push('');
  return out;
}
