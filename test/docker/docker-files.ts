/**
 * Reading docker/compose.yaml and docker/Dockerfile for the static checks in compose.spec.ts and
 * dockerfile.spec.ts. No Docker engine is available in development or CI, so these files are only
 * ever exercised by users; the checks make an edit that would break `docker compose up` (a renamed
 * entry point, a dangling depends_on, an undeclared volume) fail here first.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const dockerDir = path.join(repoRoot, 'docker');
const composePath = path.join(dockerDir, 'compose.yaml');
export const dockerfilePath = path.join(dockerDir, 'Dockerfile');

type DependsOn = string[] | Record<string, { condition?: string }>;
type Build = string | { context?: string; dockerfile?: string };
export interface ComposeService {
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

export const APP_SERVICES = ['api', 'worker', 'migrate'] as const;
export const STORAGE_DIR = '/var/lib/lawtrail/storage';

export function loadCompose(): ComposeFile {
  // merge: true so `<<: *anchor` keys are expanded the way Compose does.
  return parse(fs.readFileSync(composePath, 'utf8'), { merge: true }) as ComposeFile;
}

export function envOf(service: ComposeService): Record<string, string> {
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

export function dependsOnTargets(service: ComposeService): string[] {
  const d = service.depends_on;
  if (!d) return [];
  return Array.isArray(d) ? d : Object.keys(d);
}

export function commandText(c: string | string[] | undefined): string {
  if (c == null) return '';
  return Array.isArray(c) ? c.join(' ') : c;
}

/** Named volumes used by a service: short syntax "name:/path" or long syntax type volume. */
export function namedVolumesOf(service: ComposeService): Array<{ name: string; target: string }> {
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

export function publishesContainerPort(service: ComposeService, port: number): boolean {
  return (service.ports ?? []).some((p) => {
    if (typeof p === 'object') return Number(p.target) === port;
    // "[ip:]host:container[/proto]" or just "container"
    const withoutProto = p.split('/')[0];
    const parts = withoutProto.split(':');
    return Number(parts[parts.length - 1]) === port;
  });
}

export interface DockerInstruction {
  line: number;
  keyword: string;
  args: string;
}

/** Split a Dockerfile into instructions, joining backslash-continued lines. */
export function parseDockerfile(text: string): DockerInstruction[] {
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
export function stagesOf(instructions: DockerInstruction[]): DockerInstruction[][] {
  const stages: DockerInstruction[][] = [];
  for (const ins of instructions) {
    if (ins.keyword.toUpperCase() === 'FROM') stages.push([ins]);
    else if (stages.length > 0) stages[stages.length - 1].push(ins);
  }
  return stages;
}

/** dist/apps/api/src/main.js -> apps/api/src/main.ts (tsc outDir "dist", rootDir "."). */
export function sourceForDistFile(distFile: string): string {
  return distFile.replace(/^dist\//, '').replace(/\.js$/, '.ts');
}

export const DIST_JS = /\bdist\/[\w./-]+\.js\b/g;
