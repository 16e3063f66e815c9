import { parse } from 'yaml';
import { serverFrom, temporalPostgresConfig } from './temporal-config';

// The parts of go.temporal.io/server@v1.32.2's config/development-postgres12.yaml the bench changes or keeps.
const TEMPLATE = `
log:
  stdout: true
  level: info
persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: 4
  datastores:
    postgres-default:
      sql:
        pluginName: "postgres12"
        databaseName: "temporal"
        connectAddr: "127.0.0.1:5432"
        user: "temporal"
        password: "temporal"
        maxConns: 20
    postgres-visibility:
      sql:
        pluginName: "postgres12"
        databaseName: "temporal_visibility"
        connectAddr: "127.0.0.1:5432"
        user: "temporal"
        password: "temporal"
        maxConns: 2
global:
  membership:
    broadcastAddress: "127.0.0.1"
  pprof:
    port: 7936
  metrics:
    prometheus:
      listenAddress: "127.0.0.1:8000"
services:
  frontend:
    rpc: { grpcPort: 7233, membershipPort: 6933, bindOnLocalHost: true, httpPort: 7243 }
  matching:
    rpc: { grpcPort: 7235, membershipPort: 6935, bindOnLocalHost: true }
  history:
    rpc: { grpcPort: 7234, membershipPort: 6934, bindOnLocalHost: true }
  worker:
    rpc: { grpcPort: 7239, membershipPort: 6939, bindOnLocalHost: true }
clusterMetadata:
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      rpcAddress: "localhost:7233"
dynamicConfigClient:
  filepath: "config/dynamicconfig/development-sql.yaml"
  pollInterval: "10s"
`;

const PORTS = {
  frontend: 40001,
  frontendHttp: 40002,
  history: 40003,
  matching: 40004,
  worker: 40005,
  frontendMembership: 40011,
  historyMembership: 40013,
  matchingMembership: 40014,
  workerMembership: 40015,
};

describe('--server: which Temporal server the bench runs on', () => {
  it('is the dev server unless asked, postgres when asked, the caller’s own with TEMPORAL_ADDRESS', () => {
    expect(serverFrom(['--quick'], {})).toBe('dev');
    expect(serverFrom(['--server=dev'], {})).toBe('dev');
    expect(serverFrom(['--quick', '--server=postgres', '--only=1,2'], {})).toBe('postgres');
    expect(serverFrom([], { TEMPORAL_ADDRESS: '127.0.0.1:7233' })).toBe('external');
  });

  it('refuses an unknown server, and a server to start when TEMPORAL_ADDRESS names one already running', () => {
    expect(() => serverFrom(['--server=mysql'], {})).toThrow('--server=mysql: expected dev or postgres');
    expect(() => serverFrom(['--server=postgres'], { TEMPORAL_ADDRESS: '127.0.0.1:7233' })).toThrow(/unset TEMPORAL_ADDRESS/);
  });
});

describe("the Temporal server's config, from the module's development-postgres12.yaml", () => {
  const config = parse(
    temporalPostgresConfig(TEMPLATE, {
      postgres: { host: '127.0.0.1', port: 45432, user: 'postgres', password: 'pw' },
      databases: { default: 'lawtrail_temporal_ab12', visibility: 'lawtrail_temporal_visibility_ab12' },
      ports: PORTS,
      dynamicConfig: '/cache/server-1.32.2/config/dynamicconfig/development-sql.yaml',
    }),
  );

  it("points both stores at this run's databases on the bench's PostgreSQL, pools as shipped", () => {
    const { 'postgres-default': main, 'postgres-visibility': visibility } = config.persistence.datastores;
    expect(main.sql).toMatchObject({
      databaseName: 'lawtrail_temporal_ab12',
      connectAddr: '127.0.0.1:45432',
      user: 'postgres',
      password: 'pw',
      maxConns: 20,
    });
    expect(visibility.sql).toMatchObject({
      databaseName: 'lawtrail_temporal_visibility_ab12',
      connectAddr: '127.0.0.1:45432',
      maxConns: 2,
    });
    expect(config.persistence.numHistoryShards).toBe(4);
  });

  it('listens on the free ports given, and on no fixed one (pprof, Prometheus)', () => {
    expect(config.services.frontend.rpc).toMatchObject({ grpcPort: 40001, httpPort: 40002, membershipPort: 40011, bindOnLocalHost: true });
    expect(config.services.history.rpc).toMatchObject({ grpcPort: 40003, membershipPort: 40013 });
    expect(config.services.matching.rpc).toMatchObject({ grpcPort: 40004, membershipPort: 40014 });
    expect(config.services.worker.rpc).toMatchObject({ grpcPort: 40005, membershipPort: 40015 });
    expect(config.services.history.rpc.httpPort).toBeUndefined();
    expect(config.clusterMetadata.clusterInformation.active.rpcAddress).toBe('127.0.0.1:40001');
    expect(config.global.pprof).toBeUndefined();
    expect(config.global.metrics).toBeUndefined();
  });

  it('reads the dynamic config by absolute path and logs warnings only', () => {
    expect(config.dynamicConfigClient.filepath).toBe('/cache/server-1.32.2/config/dynamicconfig/development-sql.yaml');
    expect(config.log).toEqual({ stdout: true, level: 'warn' });
  });
});
