import { parse, stringify } from 'yaml';

/**
 * Which Temporal server the bench runs on: the CLI's dev server (in-memory SQLite, the one `npm test`
 * starts), a real Temporal server persisting to PostgreSQL as deployments run it (`--server=postgres`),
 * or one the caller already runs (TEMPORAL_ADDRESS).
 */
export type ServerKind = 'dev' | 'postgres' | 'external';

/** `--server=dev|postgres` (dev when absent); TEMPORAL_ADDRESS names a server of the caller's own. */
export function serverFrom(args: string[], env: NodeJS.ProcessEnv): ServerKind {
  const flag = args.find((a) => a.startsWith('--server='))?.slice('--server='.length);
  if (flag !== undefined && flag !== 'dev' && flag !== 'postgres') throw new Error(`--server=${flag}: expected dev or postgres`);
  if (env.TEMPORAL_ADDRESS) {
    if (flag) throw new Error(`--server=${flag} starts its own server: unset TEMPORAL_ADDRESS (${env.TEMPORAL_ADDRESS})`);
    return 'external';
  }
  return flag ?? 'dev';
}

/** The Temporal server's databases are named `lawtrail_temporal_<tag>` and `lawtrail_temporal_visibility_<tag>`. */
export const TEMPORAL_DATABASE_PREFIX = 'lawtrail_temporal_';

/** The ports a Temporal server's four services listen on (gRPC and membership each), and the frontend's HTTP. */
export interface ServerPorts {
  frontend: number;
  frontendHttp: number;
  history: number;
  matching: number;
  worker: number;
  frontendMembership: number;
  historyMembership: number;
  matchingMembership: number;
  workerMembership: number;
}

export interface ServerConfigOptions {
  /** PostgreSQL's address and a role that owns both databases. */
  postgres: { host: string; port: number; user: string; password: string };
  databases: { default: string; visibility: string };
  ports: ServerPorts;
  /** Absolute path of the dynamic config file (the template's is relative to the server's folder). */
  dynamicConfig: string;
}

/**
 * The server's config: the module's `config/development-postgres12.yaml` (`template`, its text) with this
 * run's databases, credentials and free ports, and without what would listen on fixed ports or
 * only cost CPU here (pprof, the Prometheus endpoint). Everything else — 4 history shards, the
 * connection pools, the cluster metadata — stays as the module ships it.
 */
export function temporalPostgresConfig(template: string, o: ServerConfigOptions): string {
  const c = parse(template);
  c.log = { stdout: true, level: 'warn' }; // its info lines are per shard and per poller: noise in a kept log
  const address = `${o.postgres.host}:${o.postgres.port}`;
  const stores = c.persistence.datastores;
  for (const [name, db] of [
    [c.persistence.defaultStore, o.databases.default],
    [c.persistence.visibilityStore, o.databases.visibility],
  ]) {
    const sql = stores[name]?.sql;
    if (!sql) throw new Error(`the template has no SQL datastore ${name}`);
    Object.assign(sql, { databaseName: db, connectAddr: address, user: o.postgres.user, password: o.postgres.password });
  }
  delete c.global.pprof;
  delete c.global.metrics;
  const p = o.ports;
  const rpc: Record<string, [number, number, number?]> = {
    frontend: [p.frontend, p.frontendMembership, p.frontendHttp],
    history: [p.history, p.historyMembership],
    matching: [p.matching, p.matchingMembership],
    worker: [p.worker, p.workerMembership],
  };
  for (const [service, [grpcPort, membershipPort, httpPort]] of Object.entries(rpc)) {
    const r = c.services[service]?.rpc;
    if (!r) throw new Error(`the template has no service ${service}`);
    Object.assign(r, { grpcPort, membershipPort }, httpPort && { httpPort });
  }
  const cluster = c.clusterMetadata.clusterInformation[c.clusterMetadata.currentClusterName];
  cluster.rpcAddress = `127.0.0.1:${p.frontend}`;
  c.dynamicConfigClient.filepath = o.dynamicConfig;
  return stringify(c);
}
