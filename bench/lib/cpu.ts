import { readFileSync, readdirSync } from 'node:fs';
import { TEMPORAL_SERVER_COMMS } from './observe';
import { TEMPORAL_DATABASE_PREFIX } from './temporal-config';
import { round } from './stats';

const TICK_MS = 10; // USER_HZ is 100 on Linux

interface Proc {
  pid: number;
  ppid: number;
  comm: string;
  /** utime + stime, and the times of children it has waited for (PostgreSQL's ended backends). */
  ms: number;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const f = stat.slice(close + 2).split(' '); // f[0] is the state (field 3)
      const ticks = Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
      out.push({ pid: Number(d), ppid: Number(f[1]), comm, ms: ticks * TICK_MS });
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/** A backend's database, from its process title (`postgres: user database host(port) state`). */
function databaseOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(' ')[2];
  } catch {
    return undefined; // ended while we looked
  }
}

/** CPU time used so far, in ms, by each part of the stack this bench started (Linux /proc). */
export function cpuNow(pids: { worker: number; api: number; baseline: number }): Record<string, number> {
  const all = processes();
  const of = (pid?: number) => all.find((p) => p.pid === pid)?.ms ?? 0;
  // PostgreSQL and the Temporal server (the CLI's or, --server=postgres, temporal-server) are children of
  // this process; backends are the postmaster's, the Temporal server's own included.
  const postmaster = all.find((p) => p.ppid === process.pid && p.comm === 'postgres');
  const temporal = all.find((p) => p.ppid === process.pid && TEMPORAL_SERVER_COMMS.includes(p.comm));
  const backends = postmaster ? all.filter((p) => p.ppid === postmaster.pid) : [];
  const ofTemporal = backends.filter((p) => databaseOf(p.pid)?.startsWith(TEMPORAL_DATABASE_PREFIX));
  const sum = (ps: Proc[]) => ps.reduce((a, p) => a + p.ms, 0);
  const postgres = (postmaster?.ms ?? 0) + sum(backends) - sum(ofTemporal);
  const self = process.cpuUsage();
  return {
    api: of(pids.api),
    worker: of(pids.worker),
    baselineWorker: of(pids.baseline),
    temporalServer: of(temporal?.pid),
    // Kept apart from lawtrail's and the baseline's: on the dev server this work is inside temporalServer.
    temporalPostgres: sum(ofTemporal),
    postgres,
    benchDriver: (self.user + self.system) / 1000,
  };
}

/** CPU ms per operation by process between two readings, and the total. */
export function cpuPerOp(before: Record<string, number>, after: Record<string, number>, ops: number): Record<string, number> {
  const out: Record<string, number> = {};
  let total = 0;
  for (const k of Object.keys(after)) {
    const d = (after[k] - before[k]) / Math.max(ops, 1);
    if (d <= 0) continue;
    out[k] = round(d, 1);
    total += d;
  }
  out.total = round(total, 1);
  return out;
}

/** Runs a measured loop and adds the CPU each process spent on it, per completed operation. */
export async function withCpu<T extends { latencies: number[] }>(
  pids: { worker: number; api: number; baseline: number },
  run: () => Promise<T>,
): Promise<T & { cpu: Record<string, number> }> {
  const before = cpuNow(pids);
  const r = await run();
  return { ...r, cpu: cpuPerOp(before, cpuNow(pids), r.latencies.length) };
}
