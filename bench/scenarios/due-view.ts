import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { encodeDueCursor } from '#api/supervision/due-cursor';
import { DueQuery } from '#api/supervision/supervision.dto';
import { SupervisionService } from '#api/supervision/supervision.service';
import { Actor } from '#libs/domain/roles';
import { CasesRepository } from '#libs/persistence/repositories/cases.repository';
import { SupervisionRepository } from '#libs/persistence/repositories/supervision.repository';
import { AGENCY, Bench, SUPERVISOR } from '../lib/context';
import { Summary, round, summarize } from '../lib/stats';
import { clearDueItems, fillDueItems } from './due-view-fill';

export interface DueViewTiming {
  /** Rows the supervisor's view holds for the agency (`state=all`). */
  rows: number;
  /** GET /api/v1/supervision/due?state=all, 100 rows: the first page, the middle one by cursor and by page number. */
  firstPage: Summary;
  deepPage: Summary;
  deepPageByNumber: Summary;
  /** The default view: what is overdue now. */
  overdue: Summary;
  /** How PostgreSQL reads the middle page (by cursor) and the overdue page (scan nodes of EXPLAIN ANALYZE), and their execution times. */
  plan: Plan;
  overduePlan: Plan;
}

export interface Plan {
  nodes: string[];
  executionMs: number;
}

export interface DueViewAtScale {
  /** Rows written per size, and how long the fill took (the list's triggers included). */
  points: (DueViewTiming & { fillSeconds: number })[];
}

export const DUE_VIEW_TARGET_MS = 50;

/**
 * 9. The due view at scale: open items written straight into the tables the list is kept from (tasks
 * and decision deadlines, bench/scenarios/due-view-fill.ts; no workflows) until the agency's list holds
 * each size, then the supervisor's pages over HTTP. Removes its rows after.
 */
export async function dueViewAtScale(b: Bench): Promise<DueViewAtScale> {
  const sizes = b.sizes.dueViewItems;
  b.progress.section(`9 due view at scale: ${sizes.map((n) => n.toLocaleString('en')).join(', ')} open items by direct SQL`);
  const points: DueViewAtScale['points'] = [];
  const centre = new Date(Math.floor(Date.now() / 3600_000) * 3600_000).toISOString();
  try {
    for (const [i, size] of sizes.entries()) {
      const missing = size - (await agencyRows(b));
      const t0 = performance.now();
      if (missing > 0) await fillDueItems(b.db, missing, { agency: AGENCY, other: 'pingluo-veterans', tag: `bench-due-${i}`, centre });
      const fillSeconds = round((performance.now() - t0) / 1000, 1);
      // 100 requests a page: the p99 of 20 would be their slowest.
      const point = { ...(await dueView(b, 100)), fillSeconds };
      b.progress.done(
        `${point.rows.toLocaleString('en')} rows (filled in ${fillSeconds} s): page 1 p99 ${point.firstPage.p99} ms, middle by cursor p99 ${point.deepPage.p99} ms, ` +
          `by page number p99 ${point.deepPageByNumber.p99} ms, overdue p99 ${point.overdue.p99} ms`,
      );
      points.push(point);
    }
  } finally {
    for (const i of sizes.keys()) await clearDueItems(b.db, `bench-due-${i}`);
  }
  return { points };
}

async function agencyRows(b: Bench): Promise<number> {
  const { rows } = await b.db.query('SELECT count(*)::int AS n FROM due_list WHERE agency_id = $1', [AGENCY]);
  return rows[0].n;
}

/** The supervisor lists the agency's due view as they would: paged, sequential requests. */
export async function dueView(b: Bench, repeat = 20): Promise<DueViewTiming> {
  const rows = await agencyRows(b);
  const middle = Math.floor(rows / 2);
  // The cursor a supervisor paging by 100 would hold at the middle: the key of the row before it.
  const { rows: keys } = await b.db.query(
    `SELECT to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "dueAt", case_id AS "caseId", kind, ref
       FROM due_list WHERE agency_id = $1 ORDER BY due_at, case_id, kind, ref OFFSET $2 LIMIT 1`,
    [AGENCY, Math.max(0, middle - 1)],
  );
  const cursor = keys[0] ? encodeDueCursor(keys[0]) : undefined;
  const time = async (path: string) => {
    // A few unmeasured first: the pages just filled are not yet in PostgreSQL's buffers.
    for (let i = 0; i < 5; i++) await b.api.call('GET', path, SUPERVISOR);
    const lat: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < repeat; i++) {
      const s = performance.now();
      await b.api.call('GET', path, SUPERVISOR);
      lat.push(performance.now() - s);
    }
    return summarize(lat, (performance.now() - t0) / 1000);
  };
  const all = '/api/v1/supervision/due?state=all&pageSize=100';
  return {
    rows,
    firstPage: await time(all),
    deepPage: await time(cursor ? `${all}&cursor=${cursor}` : all),
    deepPageByNumber: await time(`${all}&page=${Math.floor(middle / 100) + 1}`),
    overdue: await time('/api/v1/supervision/due?pageSize=100'),
    plan: await plan(b, { state: 'all', pageSize: 100, cursor }),
    overduePlan: await plan(b, { state: 'overdue', page: 1, pageSize: 100 }),
  };
}

/**
 * EXPLAIN ANALYZE of the page query the API runs for that page: the SQL is taken from
 * SupervisionService itself (handed a recording stand-in for its DataSource), so it cannot drift
 * from what the service sends. Which relations are read by index, which are scanned.
 */
async function plan(b: Bench, q: Partial<DueQuery>): Promise<Plan> {
  const sent: { sql: string; params: unknown[] }[] = [];
  const recorder = {
    query: async (sql: string, params: unknown[]) => {
      sent.push({ sql, params });
      return /count\(\*\)/.test(sql) ? [{ n: 0 }] : [];
    },
  };
  const query = Object.assign(new DueQuery(), q);
  const recording = recorder as unknown as DataSource;
  await new SupervisionService(new SupervisionRepository(recording), new CasesRepository(recording)).due(
    { agencyId: AGENCY } as Actor,
    query,
  );
  const pageQuery = sent.find((s) => /ORDER BY/i.test(s.sql));
  if (!pageQuery) return { nodes: ['(page query not found)'], executionMs: NaN };
  const { rows } = await b.db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${pageQuery.sql}`, pageQuery.params);
  const root = rows[0]['QUERY PLAN'][0];
  const nodes: string[] = [];
  const walk = (n: any) => {
    if (n['Relation Name']) nodes.push(`${n['Node Type']} on ${n['Relation Name']}${n['Index Name'] ? ` (${n['Index Name']})` : ''}`);
    else if (n['Index Name']) nodes.push(`${n['Node Type']} ${n['Index Name']}`);
    (n.Plans ?? []).forEach(walk);
  };
  walk(root.Plan);
  return { nodes, executionMs: round(root['Execution Time'], 2) };
}

/** The README's table of scenario 9: per size, the pages' p50 / p95 / p99 and how PostgreSQL read them. */
export function dueViewMarkdown(d: DueViewAtScale): string[] {
  const t = (s: Summary) => `${s.p50} / ${s.p95} / ${s.p99}`;
  const nodes = (p: Plan) => `${[...new Set(p.nodes)].join(', ')} (${p.executionMs} ms)`;
  return [
    '**Due view at scale** (open items written by SQL: a task and a decision deadline per case; 100 rows a page; ms):',
    '',
    '| open items | fill s | page 1 | middle page by cursor | middle page by number | overdue page 1 | plan of the middle page by cursor | plan of the overdue page |',
    '|---|---|---|---|---|---|---|---|',
    ...d.points.map(
      (p) =>
        `| ${p.rows.toLocaleString('en')} | ${p.fillSeconds} | ${t(p.firstPage)} | ${t(p.deepPage)} | ${t(p.deepPageByNumber)} | ${t(p.overdue)} | ${nodes(p.plan)} | ${nodes(p.overduePlan)} |`,
    ),
    '',
  ];
}
