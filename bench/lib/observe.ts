import { readFileSync, readdirSync } from 'node:fs';
import { Pool } from 'pg';
import { round } from './stats';

/** Resident memory of a process in MiB (VmRSS), and its peak (VmHWM); Linux /proc. */
export function rssOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: round(kb('VmRSS') / 1024), peakMb: round(kb('VmHWM') / 1024) };
}

/** The names of the Temporal servers run.mjs starts: the CLI's dev server and a built temporal-server. */
export const TEMPORAL_SERVER_COMMS = ['temporal', 'temporal-server'];

/** The Temporal server this process started (a child of one of those names), if any. */
export function temporalServerPid(): number | undefined {
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const m = /^\d+ \((.*)\) \S+ (\d+)/.exec(stat);
      if (m && TEMPORAL_SERVER_COMMS.includes(m[1]) && Number(m[2]) === process.pid) return Number(d);
    } catch {
      // the process ended while we looked
    }
  }
  return undefined;
}

/** Size of lawtrail's database and of its largest tables (with their indexes and TOAST), in MiB. */
export async function databaseSize(db: Pool): Promise<{ totalMb: number; tables: Record<string, number> }> {
  const {
    rows: [{ bytes }],
  } = await db.query('SELECT pg_database_size(current_database())::bigint AS bytes');
  const { rows } = await db.query(
    `SELECT c.relname AS name, pg_total_relation_size(c.oid)::bigint AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname = 'public' ORDER BY 2 DESC LIMIT 8`,
  );
  return { totalMb: mb(bytes), tables: Object.fromEntries(rows.map((r) => [r.name, mb(r.bytes)])) };
}

function mb(bytes: string | number): number {
  return round(Number(bytes) / 1024 / 1024, 2);
}
