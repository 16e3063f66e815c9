// Static checks of docker/Dockerfile and the compiled entry points the image runs (see docker-files.ts).
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import {
  repoRoot,
  dockerfilePath,
  loadCompose,
  commandText,
  DockerInstruction,
  parseDockerfile,
  stagesOf,
  sourceForDistFile,
  DIST_JS,
} from './docker-files';

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
      stage
        .filter((i) => i.keyword.toUpperCase() === 'RUN')
        .map((i) => i.args)
        .join('\n');
    expect(stages.some((s) => /npm install --no-audit --no-fund/.test(runs(s)) && /npm run build/.test(runs(s)))).toBe(true);
    expect(runs(stages[stages.length - 1])).toMatch(/npm install --omit=dev/);
  });

  it('final stage runs as the non-root user node with NODE_ENV=production', () => {
    const final = stages[stages.length - 1];
    const users = final.filter((i) => i.keyword.toUpperCase() === 'USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1].args).toBe('node');
    const env = final
      .filter((i) => i.keyword.toUpperCase() === 'ENV')
      .map((i) => i.args)
      .join(' ');
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
    const missing = [...referenced].map(sourceForDistFile).filter((src) => !fs.existsSync(path.join(repoRoot, src)));
    expect(missing).toEqual([]);
  });

  it.each(['apps/api/src/main.ts', 'apps/worker/src/main.ts', 'apps/api/src/cli/migrate.ts', 'apps/api/src/cli/seed-demo.ts'])(
    '%s exists',
    (src) => {
      expect(fs.existsSync(path.join(repoRoot, src))).toBe(true);
    },
  );

  it('worker and migrate commands use the compiled worker/migrate/seed entry points', () => {
    const { services } = loadCompose();
    expect(commandText(services.worker.command)).toMatch(/node dist\/apps\/worker\/src\/main\.js/);
    const migrate = commandText(services.migrate.command);
    // Seeding must only run after migrations succeeded.
    expect(migrate).toMatch(/node dist\/apps\/api\/src\/cli\/migrate\.js\s*&&\s*node dist\/apps\/api\/src\/cli\/seed-demo\.js/);
  });
});
