/**
 * Static checks of docker/compose.yaml and docker/Dockerfile. No Docker engine
 * is available in development or CI, so these files are only ever exercised by
 * users. These tests make sure an edit that would break `docker compose up`
 * (a renamed entry point, a dangling depends_on, an undeclared volume) fails
 * here first.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { parse } from 'yaml';

const repoRoot = path.resolve(__dirname, '..', '..');
const dockerDir = path.join(repoRoot, 'docker');
const composePath = path.join(dockerDir, 'compose.yaml');
const dockerfilePath = path.join(dockerDir, 'Dockerfile');

type DependsOn = string[] | Record<string, { condition?: string }>;
type Build = string | { context?: string; dockerfile?: string };
interface ComposeService {
  image?: string;
  build?: Build;
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: DependsOn;
  ports?: Array<string | { target?: number; published?: number | string }>;
  volumes?: Array<string | { type?: string; source?: string; target?: string }>;
  restart?: string;
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const APP_SERVICES = ['api', 'worker', 'migrate'] as const;
const STORAGE_DIR = '/var/lib/lawtrail/storage';

function loadCompose(): ComposeFile {
  // merge: true so `<<: *anchor` keys are expanded the way Compose does.
  return parse(fs.readFileSync(composePath, 'utf8'), { merge: true }) as ComposeFile;
}

function envOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  const out: Record<string, string> = {};
  if (Array.isArray(env)) {
    for (const entry of env) {
      const eq = entry.indexOf('=');
      if (eq > 0) out[entry.slice(0, eq)] = entry.slice(eq + 1);
    }
  } else {
    for (const [k, v] of Object.entries(env)) out[k] = v == null ? '' : String(v);
  }
  return out;
}

function dependsOnTargets(service: ComposeService): string[] {
  const d = service.depends_on;
  if (!d) return [];
  return Array.isArray(d) ? d : Object.keys(d);
}

function commandText(c: string | string[] | undefined): string {
  if (c == null) return '';
  return Array.isArray(c) ? c.join(' ') : c;
}

/** Named volumes used by a service: short syntax "name:/path" or long syntax type volume. */
function namedVolumesOf(service: ComposeService): Array<{ name: string; target: string }> {
  const out: Array<{ name: string; target: string }> = [];
  for (const v of service.volumes ?? []) {
    if (typeof v === 'string') {
      const [source, target] = v.split(':');
      // Host paths start with . / ~ ; anonymous volumes have no source part.
      if (target !== undefined && !/^[./~$]/.test(source)) out.push({ name: source, target });
    } else if ((v.type ?? 'volume') === 'volume' && v.source) {
      out.push({ name: v.source, target: v.target ?? '' });
    }
  }
  return out;
}

function publishesContainerPort(service: ComposeService, port: number): boolean {
  return (service.ports ?? []).some((p) => {
    if (typeof p === 'object') return Number(p.target) === port;
    // "[ip:]host:container[/proto]" or just "container"
    const withoutProto = p.split('/')[0];
    const parts = withoutProto.split(':');
    return Number(parts[parts.length - 1]) === port;
  });
}

interface DockerInstruction {
  line: number;
  keyword: string;
  args: string;
}

/** Split a Dockerfile into instructions, joining backslash-continued lines. */
function parseDockerfile(text: string): DockerInstruction[] {
  const out: DockerInstruction[] = [];
  const lines = text.split(/\r?\n/);
  let buffer = '';
  let startLine = 0;
  lines.forEach((raw, i) => {
    const trimmed = raw.trim();
    if (buffer === '' && (trimmed === '' || trimmed.startsWith('#'))) return;
    // Comment lines inside a continued instruction are dropped by Docker too.
    if (buffer !== '' && trimmed.startsWith('#')) return;
    if (buffer === '') startLine = i + 1;
    if (trimmed.endsWith('\\')) {
      buffer += trimmed.slice(0, -1) + ' ';
      return;
    }
    buffer += trimmed;
    const m = /^(\S+)\s*(.*)$/s.exec(buffer);
    if (m) out.push({ line: startLine, keyword: m[1], args: m[2].trim() });
    buffer = '';
  });
  if (buffer.trim() !== '') {
    throw new Error(`Dockerfile ends inside a continued instruction starting at line ${startLine}`);
  }
  return out;
}

/** Split into build stages: each starts at a FROM. */
function stagesOf(instructions: DockerInstruction[]): DockerInstruction[][] {
  const stages: DockerInstruction[][] = [];
  for (const ins of instructions) {
    if (ins.keyword.toUpperCase() === 'FROM') stages.push([ins]);
    else if (stages.length > 0) stages[stages.length - 1].push(ins);
  }
  return stages;
}

/** dist/apps/api/src/main.js -> apps/api/src/main.ts (tsc outDir "dist", rootDir "."). */
function sourceForDistFile(distFile: string): string {
  return distFile.replace(/^dist\//, '').replace(/\.js$/, '.ts');
}

const DIST_JS = /\bdist\/[\w./-]+\.js\b/g;

describe('docker/compose.yaml', () => {
  const compose = loadCompose();
  const services = compose.services ?? {};
  const declaredVolumes = new Set(Object.keys(compose.volumes ?? {}));

  it('defines the stack services: postgres, temporal, temporal-ui, migrate, api, worker', () => {
    for (const name of ['postgres', 'temporal', 'temporal-ui', 'migrate', 'api', 'worker']) {
      expect(services).toHaveProperty(name);
    }
  });

  it.each(['api', 'worker', 'migrate'])(
    '%s builds the app image from docker/Dockerfile with the repo root as context',
    (name) => {
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
    },
  );

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
      expect((d as Record<string, { condition?: string }>).migrate?.condition).toBe(
        'service_completed_successfully',
      );
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

describe('docker/Dockerfile', () => {
  const KNOWN = new Set(['FROM', 'WORKDIR', 'COPY', 'RUN', 'ENV', 'USER', 'EXPOSE', 'CMD', 'ARG', 'ENTRYPOINT']);
  const text = fs.readFileSync(dockerfilePath, 'utf8');
  const instructions = parseDockerfile(text);
  const stages = stagesOf(instructions);

  it('consists only of known instructions', () => {
    const unknown = instructions.filter((i) => !KNOWN.has(i.keyword.toUpperCase()));
    expect(unknown).toEqual([]);
    // Docker allows only ARG before the first FROM.
    const firstFrom = instructions.findIndex((i) => i.keyword.toUpperCase() === 'FROM');
    expect(firstFrom).toBeGreaterThanOrEqual(0);
    expect(instructions.slice(0, firstFrom).every((i) => i.keyword.toUpperCase() === 'ARG')).toBe(true);
  });

  it('is multi-stage on a node:20-bookworm-slim base', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/node:20-bookworm-slim/);
  });

  it('COPY --from refers only to earlier named stages', () => {
    const names: string[] = [];
    for (const stage of stages) {
      for (const ins of stage) {
        const from = /--from=(\S+)/.exec(ins.args);
        if (ins.keyword.toUpperCase() === 'COPY' && from) expect(names).toContain(from[1]);
      }
      const as = /\sAS\s+(\S+)\s*$/i.exec(' ' + stage[0].args);
      if (as) names.push(as[1]);
    }
  });

  it('build stage installs from the lockfile and runs npm run build; runtime stage installs production deps only', () => {
    const runs = (stage: DockerInstruction[]) =>
      stage.filter((i) => i.keyword.toUpperCase() === 'RUN').map((i) => i.args).join('\n');
    expect(stages.some((s) => /npm install --no-audit --no-fund/.test(runs(s)) && /npm run build/.test(runs(s)))).toBe(true);
    expect(runs(stages[stages.length - 1])).toMatch(/npm install --omit=dev/);
  });

  it('final stage runs as the non-root user node with NODE_ENV=production', () => {
    const final = stages[stages.length - 1];
    const users = final.filter((i) => i.keyword.toUpperCase() === 'USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1].args).toBe('node');
    const env = final.filter((i) => i.keyword.toUpperCase() === 'ENV').map((i) => i.args).join(' ');
    expect(env).toMatch(/NODE_ENV=production/);
  });

  it('default CMD runs the compiled API entry point', () => {
    const cmds = instructions.filter((i) => i.keyword.toUpperCase() === 'CMD');
    expect(cmds.length).toBeGreaterThan(0);
    expect(cmds[cmds.length - 1].args).toMatch(/dist\/apps\/api\/src\/main\.js/);
  });
});

describe('compiled entry points used by the image exist as TypeScript sources', () => {
  it('tsc emits dist/ mirroring the repo root, as the dist/... paths assume', () => {
    const configPath = path.join(repoRoot, 'tsconfig.build.json');
    const read = ts.readConfigFile(configPath, ts.sys.readFile);
    expect(read.error).toBeUndefined();
    const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, repoRoot, undefined, configPath);
    expect(path.resolve(parsed.options.outDir ?? '')).toBe(path.join(repoRoot, 'dist'));
    expect(path.resolve(parsed.options.rootDir ?? '')).toBe(repoRoot);
  });

  it('package.json has the build script the Dockerfile runs', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(pkg.scripts?.build).toEqual(expect.stringContaining('tsconfig.build.json'));
  });

  it('every dist/*.js referenced by the Dockerfile or compose has a .ts source', () => {
    const compose = loadCompose();
    const referenced = new Set<string>(fs.readFileSync(dockerfilePath, 'utf8').match(DIST_JS) ?? []);
    for (const service of Object.values(compose.services)) {
      for (const c of [service.command, service.entrypoint]) {
        for (const m of commandText(c).match(DIST_JS) ?? []) referenced.add(m);
      }
    }
    // The roles must actually be wired, not merely absent.
    expect([...referenced].sort()).toEqual(
      expect.arrayContaining([
        'dist/apps/api/src/cli/migrate.js',
        'dist/apps/api/src/cli/seed-demo.js',
        'dist/apps/api/src/main.js',
        'dist/apps/worker/src/main.js',
      ]),
    );
    const missing = [...referenced]
      .map(sourceForDistFile)
      .filter((src) => !fs.existsSync(path.join(repoRoot, src)));
    expect(missing).toEqual([]);
  });

  it.each([
    'apps/api/src/main.ts',
    'apps/worker/src/main.ts',
    'apps/api/src/cli/migrate.ts',
    'apps/api/src/cli/seed-demo.ts',
  ])('%s exists', (src) => {
    expect(fs.existsSync(path.join(repoRoot, src))).toBe(true);
  });

  it('worker and migrate commands use the compiled worker/migrate/seed entry points', () => {
    const { services } = loadCompose();
    expect(commandText(services.worker.command)).toMatch(/node dist\/apps\/worker\/src\/main\.js/);
    const migrate = commandText(services.migrate.command);
    // Seeding must only run after migrations succeeded.
    expect(migrate).toMatch(
      /node dist\/apps\/api\/src\/cli\/migrate\.js\s*&&\s*node dist\/apps\/api\/src\/cli\/seed-demo\.js/,
    );
  });
});
