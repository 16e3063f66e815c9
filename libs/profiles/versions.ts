import type { AgencyProfile } from './schema';

const CHINA_OFFSET_MS = 8 * 3_600_000; // China Standard Time, UTC+8, no daylight saving

/** The China-local calendar date of an instant, as 'YYYY-MM-DD'. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The version of an agency's profile in force on `on`: the highest version whose effectiveFrom is
 * on or before the China-local date of `on`. Without `on`, the latest version. Undefined for an
 * unknown agency, or a date before its first version.
 */
export function findProfileIn(profiles: readonly AgencyProfile[], id: string, on?: Date): AgencyProfile | undefined {
  const day = on ? chinaDate(on) : undefined;
  let found: AgencyProfile | undefined;
  for (const p of profiles) {
    if (p.id !== id || (day !== undefined && p.effectiveFrom > day)) continue;
    if (!found || p.version > found.version) found = p;
  }
  return found;
}

/** The latest version of every agency, in the order of first appearance (seed order). */
export function latestOf(profiles: readonly AgencyProfile[]): AgencyProfile[] {
  const ids = [...new Set(profiles.map((p) => p.id))];
  return ids.map((id) => findProfileIn(profiles, id)!);
}
