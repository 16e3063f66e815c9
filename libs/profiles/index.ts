import p000 from './agencies/000-xinglongtai-civil-affairs.v1.json';
import p001 from './agencies/001-xinxiang-town.v1.json';
import p002 from './agencies/002-huayin-housing.v1.json';
import p003 from './agencies/003-pingluo-veterans.v1.json';
import p004 from './agencies/004-jinpu-ocean.v1.json';
import { parseProfile } from './parse';
import { AgencyProfile } from './schema';
import { findProfileIn, latestOf } from './versions';

export * from './schema';
export { cite } from './cite';
export { formatPath, parseProfile } from './parse';
export { ROOT_FIELD, profileFieldErrors } from './field-errors';
export type { ProfileFieldError } from './field-errors';
export { pinnedForInitiation } from './pinned';
export { successionErrors } from './succession';
export type { Succession } from './succession';
export { chinaDate, findProfileIn, latestOf } from './versions';

/**
 * The built-in profile files, in seed order, then version: the seed the API loads into its
 * profile store (table `agency_profiles`) at start, where agencies loaded at run time join them.
 * A new built-in version is a new file added here (`<seed>-<id>.v<n>.json`); a file already in use
 * is never edited, since cases pin it.
 */
const FILES: readonly [file: string, data: unknown][] = [
  ['000-xinglongtai-civil-affairs.v1.json', p000],
  ['001-xinxiang-town.v1.json', p001],
  ['002-huayin-housing.v1.json', p002],
  ['003-pingluo-veterans.v1.json', p003],
  ['004-jinpu-ocean.v1.json', p004],
];

/** All built-in versions of the five agencies, validated at module load (a bad file stops the process). */
export const PROFILES: readonly AgencyProfile[] = loadAll(FILES);

/** The latest built-in version of each of the five agencies, in seed order (the demo logins). */
export const AGENCIES: readonly AgencyProfile[] = Object.freeze(latestOf(PROFILES));

/** The built-in version in force on `on` (China-local date); without `on`, the latest. The API asks its ProfileRegistry instead. */
export function findProfile(id: string, on?: Date): AgencyProfile | undefined {
  return findProfileIn(PROFILES, id, on);
}

function loadAll(files: readonly [string, unknown][]): readonly AgencyProfile[] {
  const profiles = files.map(([file, data]) => deepFreeze(parseProfile(data, file)));
  const byKey = new Map<string, string>();
  const byId = new Map<string, AgencyProfile>();
  profiles.forEach((p, i) => {
    const file = files[i][0];
    const key = `${p.id}@${p.version}`;
    if (byKey.has(key)) throw new Error(`profile ${file}: id: ${p.id} version ${p.version} also in ${byKey.get(key)}`);
    byKey.set(key, file);
    const first = byId.get(p.id);
    if (first && (first.code !== p.code || first.regulation.seed !== p.regulation.seed)) {
      throw new Error(`profile ${file}: code: versions of ${p.id} must keep code ${first.code} and seed ${first.regulation.seed}`);
    }
    const sameCode = profiles.find((o) => o.code === p.code && o.id !== p.id);
    if (sameCode) throw new Error(`profile ${file}: code: ${p.code} is also the code of ${sameCode.id}`);
    if (!first) byId.set(p.id, p);
  });
  return Object.freeze(profiles);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
