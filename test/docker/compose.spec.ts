// Static checks of docker/compose.yaml (see docker-files.ts for why they exist).
import * as fs from 'fs';
import * as path from 'path';
import {
  repoRoot,
  dockerDir,
  dockerfilePath,
  ComposeService,
  APP_SERVICES,
  STORAGE_DIR,
  loadCompose,
  envOf,
  dependsOnTargets,
  namedVolumesOf,
  publishesContainerPort,
} from './docker-files';

describe('docker/compose.yaml', () => {
  const compose = loadCompose();
  const services = compose.services ?? {};
  const declaredVolumes = new Set(Object.keys(compose.volumes ?? {}));

  it('defines the stack services: postgres, temporal, temporal-ui, migrate, api, worker', () => {
    for (const name of ['postgres', 'temporal', 'temporal-ui', 'migrate', 'api', 'worker']) {
      expect(services).toHaveProperty(name);
    }
  });

  it.each(['api', 'worker', 'migrate'])('%s builds the app image from docker/Dockerfile with the repo root as context', (name) => {
    const build = services[name]?.build;
    expect(typeof build).toBe('object');
    const b = build as { context?: string; dockerfile?: string };
    expect(b.context).toBe('..');
    expect(b.dockerfile).toBe('docker/Dockerfile');
    // Compose resolves context against the compose file's folder, and the
    // dockerfile against the context.
    const dockerfile = path.resolve(dockerDir, b.context!, b.dockerfile!);
    expect(dockerfile).toBe(dockerfilePath);
    expect(fs.existsSync(dockerfile)).toBe(true);
  });

  it('every depends_on target is a defined service', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const target of dependsOnTargets(service)) {
        expect({ service: name, dependsOn: target, defined: target in services }).toEqual({
          service: name,
          dependsOn: target,
          defined: true,
        });
      }
    }
  });

  it('api and worker start only after migrate has completed successfully', () => {
    for (const name of ['api', 'worker']) {
      const d = services[name].depends_on;
      expect(d && !Array.isArray(d)).toBe(true);
      expect((d as Record<string, { condition?: string }>).migrate?.condition).toBe('service_completed_successfully');
      expect(dependsOnTargets(services[name])).toContain('temporal');
    }
    expect(String(services.migrate.restart)).toBe('no');
  });

  it('migrate waits for a healthy postgres, which defines a healthcheck', () => {
    const d = services.migrate.depends_on as Record<string, { condition?: string }>;
    expect(d.postgres?.condition).toBe('service_healthy');
    const pg = services.postgres as ComposeService & { healthcheck?: { test?: unknown } };
    expect(JSON.stringify(pg.healthcheck?.test ?? '')).toMatch(/pg_isready/);
  });

  it('api, worker and migrate share DATABASE_URL, TEMPORAL_ADDRESS and LAWTRAIL_TASK_QUEUE', () => {
    const envs = APP_SERVICES.map((n) => envOf(services[n]));
    for (const key of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'LAWTRAIL_TASK_QUEUE']) {
      const values = envs.map((e) => e[key]);
      expect({ key, values }).toEqual({ key, values: values.map(() => envs[0][key]) });
      expect(envs[0][key]).toBeTruthy();
    }
  });

  it('app services point at hosts that are services of this file', () => {
    const env = envOf(services.api);
    const dbHost = new URL(env.DATABASE_URL).hostname;
    expect(services).toHaveProperty(dbHost);
    const temporalHost = env.TEMPORAL_ADDRESS.split(':')[0];
    expect(services).toHaveProperty(temporalHost);
  });

  it('LAWTRAIL_JWT_SECRET has no default and must be supplied by the operator', () => {
    for (const name of APP_SERVICES) {
      expect(envOf(services[name]).LAWTRAIL_JWT_SECRET).toMatch(/^\$\{LAWTRAIL_JWT_SECRET:\?[^}]*\}$/);
    }
  });

  it('the API listens on every interface of its container (HOST), since main.ts defaults to 127.0.0.1', () => {
    expect(envOf(services.api).HOST).toBe('0.0.0.0');
    const main = fs.readFileSync(path.join(repoRoot, 'apps/api/src/main.ts'), 'utf8');
    expect(main).toMatch(/process\.env\.HOST \|\| '127\.0\.0\.1'/);
  });

  it('every named volume used by a service is declared at top level', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const v of namedVolumesOf(service)) {
        expect({ service: name, volume: v.name, declared: declaredVolumes.has(v.name) }).toEqual({
          service: name,
          volume: v.name,
          declared: true,
        });
      }
    }
  });

  it('api and worker mount av-storage at LAWTRAIL_STORAGE_DIR so both see the same files', () => {
    for (const name of ['api', 'worker']) {
      const storageDir = envOf(services[name]).LAWTRAIL_STORAGE_DIR;
      expect(storageDir).toBe(STORAGE_DIR);
      expect(namedVolumesOf(services[name])).toContainEqual({ name: 'av-storage', target: storageDir });
    }
  });

  it('api publishes container port 3000 and PORT matches it', () => {
    expect(publishesContainerPort(services.api, 3000)).toBe(true);
    expect(envOf(services.api).PORT).toBe('3000');
  });

  it('temporal-ui publishes 8080 and temporal publishes 7233', () => {
    expect(publishesContainerPort(services['temporal-ui'], 8080)).toBe(true);
    expect(publishesContainerPort(services.temporal, 7233)).toBe(true);
  });
});
