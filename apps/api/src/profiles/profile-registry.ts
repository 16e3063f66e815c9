import { Injectable, OnModuleInit } from '@nestjs/common';
import { AgencyProfile, PROFILES, findProfileIn } from '#libs/profiles/index';
import { ProfileOrigin } from '#libs/persistence/entities/agency-profile.entity';
import { AddRefusal, AgencyProfilesRepository } from '#libs/persistence/repositories/agency-profiles.repository';
import { ApiException } from '../common/api.exception';

/** One stored version of an agency's profile. */
export interface StoredProfile {
  profile: AgencyProfile;
  source: ProfileOrigin;
  hash: string;
}

/** An agency: every stored version, oldest first. */
export interface RegisteredAgency {
  id: string;
  versions: StoredProfile[];
}

interface Snapshot {
  /** How many versions the store held when this was read (-1: never read). */
  count: number;
  versions: StoredProfile[];
}

/**
 * The one place the API reads agencies' profiles from: the built-in ones (libs/profiles, stored at
 * start) and those an administrator loaded, all in table `agency_profiles`, cached in memory.
 *
 * Freshness across API instances: rows are only ever added, so the number of stored versions names
 * the store's state. A read that depends on which versions exist (the version in force, the lists,
 * an agency's name) first asks for that number — one tiny query — and reloads the cache when it
 * moved: a profile loaded through any instance is seen by every other on its next such read. A
 * pinned version (agency and version number) never changes once stored, so it is answered from
 * the cache, which is reloaded only when it does not hold that version yet.
 */
@Injectable()
export class ProfileRegistry implements OnModuleInit {
  private snapshot: Snapshot = { count: -1, versions: [] };

  constructor(private readonly store: AgencyProfilesRepository) {}

  /** At start: the built-in profiles are stored if they are not yet (idempotent), then read. */
  async onModuleInit(): Promise<void> {
    await this.store.addBuiltIns(PROFILES);
    await this.reload();
  }

  /** The version of an agency in force on `on` (its China date; default now), or undefined. */
  async inForce(agencyId: string, on: Date = new Date()): Promise<AgencyProfile | undefined> {
    return findProfileIn(this.profiles(await this.fresh()), agencyId, on);
  }

  /**
   * The version a case starting now pins. An agency whose first version takes effect later (loaded
   * ahead of its regulation) has none yet: 409 PROFILE_NOT_YET_IN_FORCE, naming the date.
   */
  async forNewCase(agencyId: string): Promise<AgencyProfile> {
    const profile = await this.inForce(agencyId);
    if (profile) return profile;
    const first = (await this.fresh()).versions.find((v) => v.profile.id === agencyId);
    if (!first) throw new ApiException('PROFILE_NOT_FOUND');
    throw new ApiException(
      'PROFILE_NOT_YET_IN_FORCE',
      undefined,
      `本机关的执法规则自 ${first.profile.effectiveFrom} 起施行，此前不能办理新案件`,
    );
  }

  /** The version a case pinned when it started. */
  async pinned(agencyId: string, version: number): Promise<AgencyProfile | undefined> {
    const find = (s: Snapshot) => s.versions.find((v) => v.profile.id === agencyId && v.profile.version === version)?.profile;
    return find(this.snapshot) ?? find(await this.reload());
  }

  /** Every agency with its versions, in the order they were created (the built-in ones by seed). */
  async agencies(): Promise<RegisteredAgency[]> {
    const byId = new Map<string, StoredProfile[]>();
    for (const v of (await this.fresh()).versions) byId.set(v.profile.id, [...(byId.get(v.profile.id) ?? []), v]);
    return [...byId].map(([id, versions]) => ({ id, versions }));
  }

  /** The latest stored version of an agency (in force or scheduled), or undefined for an unknown agency. */
  async latest(agencyId: string): Promise<StoredProfile | undefined> {
    return (await this.fresh()).versions.filter((v) => v.profile.id === agencyId).at(-1);
  }

  /** The agency's name (its latest version's), or undefined when the registry has no such agency. */
  async nameOf(agencyId: string): Promise<string | undefined> {
    return (await this.latest(agencyId))?.profile.name;
  }

  /** The agency using a code, if any. */
  async codeOwner(code: string): Promise<{ id: string; name: string } | undefined> {
    const id = await this.store.codeOwner(code);
    return id === null ? undefined : { id, name: (await this.nameOf(id)) ?? id };
  }

  /** Stores a loaded version (validated by the caller) and reads the store again. */
  async add(profile: AgencyProfile, createdBy: string): Promise<AddRefusal | null> {
    const refused = await this.store.add(profile, createdBy);
    await this.reload();
    return refused;
  }

  private async fresh(): Promise<Snapshot> {
    const count = await this.store.count();
    return count === this.snapshot.count ? this.snapshot : this.reload();
  }

  private async reload(): Promise<Snapshot> {
    // Documents were validated when stored; they are not parsed again, so a later schema that adds a
    // field does not make a version cases already pinned unreadable.
    const rows = await this.store.all();
    this.snapshot = {
      count: rows.length,
      versions: rows.map((r) => ({ profile: deepFreeze(r.document), source: r.source, hash: r.hash })),
    };
    return this.snapshot;
  }

  private profiles(s: Snapshot): AgencyProfile[] {
    return s.versions.map((v) => v.profile);
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
