import { z } from 'zod';
import { AgencyProfile, AgencyProfileSchema } from './schema';

type Issue = z.core.$ZodIssue;
type Path = PropertyKey[];

/** `<seed>-<id>.v<version>.json`: the name a profile file must have under agencies/. */
export const PROFILE_FILE = /^(\d{3})-([a-z0-9-]+)\.v(\d+)\.json$/;

/**
 * Validates one profile. Throws an Error naming the file, the field path and the problem, e.g.
 * `profile 003-pingluo-veterans.v1.json: initiation.emergencyStart.source: Required`.
 * When `file` has the profile file name form, its seed, id and version must match the data.
 */
export function parseProfile(data: unknown, file: string): AgencyProfile {
  const result = AgencyProfileSchema.safeParse(data, {
    error: (issue) => (issue.input === undefined ? 'Required' : undefined),
  });
  if (!result.success) {
    const lines = result.error.issues.flatMap((i) => explain(i, []));
    throw new Error(`profile ${file}: ${[...new Set(lines)].join('; ')}`);
  }
  const profile = result.data;
  const named = PROFILE_FILE.exec(file.split('/').pop() ?? file);
  if (named) {
    const [, seed, id, version] = named;
    const clash: string[] = [];
    if (seed !== profile.regulation.seed) clash.push(`regulation.seed: file name says ${seed}, data says ${profile.regulation.seed}`);
    if (id !== profile.id) clash.push(`id: file name says ${id}, data says ${profile.id}`);
    if (Number(version) !== profile.version) clash.push(`version: file name says ${version}, data says ${profile.version}`);
    if (clash.length) throw new Error(`profile ${file}: ${clash.join('; ')}`);
  }
  return profile;
}

/** One line per problem; a failed union reports the branch that came closest. */
function explain(issue: Issue, base: Path): string[] {
  const path = [...base, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const missing = issue.errors.every((b) => b.length === 1 && b[0].path.length === 0 && b[0].message === 'Required');
    if (missing) return [line(path, 'Required')];
    const closest = issue.errors.reduce((a, b) => (b.length < a.length ? b : a));
    return closest.flatMap((i) => explain(i, path));
  }
  if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => line([...path, k], 'unknown field'));
  return [line(path, issue.message)];
}

function line(path: Path, message: string): string {
  return `${formatPath(path) || '(root)'}: ${message}`;
}

/** initiation.emergencyStart.source, investigation.audiovisual.mandatory[2].activity */
export function formatPath(path: Path): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
}
