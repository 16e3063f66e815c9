import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Actor } from '#libs/domain/roles';
import { AgencyProfile, chinaDate, findProfileIn, numberingOf, profileFieldErrors, successionErrors } from '#libs/profiles/index';
import { profileHash } from '#libs/persistence/repositories/agency-profiles.repository';
import { AuditService } from '../audit/audit.service';
import { ApiException } from '../common/api.exception';
import { PageQuery, pageOf, skipOf } from '../common/paging';
import { withCitations } from './citations';
import { ProfileRegistry, RegisteredAgency, StoredProfile } from './profile-registry';
import { ProfileLoadedResponse, ProfilePage, ProfileResponse, ProfileSummaryResponse } from './profiles.response';

@Injectable()
export class ProfilesService {
  constructor(
    private readonly registry: ProfileRegistry,
    private readonly audit: AuditService,
  ) {}

  /** The agencies, built-in and loaded, a page at a time, in the order they were created (the built-in ones by seed). */
  async list(q: PageQuery): Promise<ProfilePage> {
    const agencies = await this.registry.agencies();
    return pageOf(agencies.slice(skipOf(q), skipOf(q) + q.pageSize).map(toSummary), agencies.length, q);
  }

  /** The rules in force on `on` (a China date; default today), every figure with its source and citation. */
  async get(id: string, on?: string): Promise<ProfileResponse> {
    const profile = await this.registry.inForce(id, on ? new Date(`${on}T00:00:00+08:00`) : new Date());
    if (!profile) throw new ApiException('AGENCY_PROFILE_UNKNOWN');
    // The numbering as it applies, defaults filled in (the section itself is optional).
    return { ...(withCitations(profile, profile) as ProfileResponse), numbering: { ...numberingOf(profile) } };
  }

  /**
   * Loads a profile document for an agency (README "Onboarding an agency"): every problem of the
   * document at once as field errors, then the rules of a next version (successionErrors); stored
   * as the agency's next version — a new agency is created — and audited with the version and the
   * document's hash. A document identical to the latest version stores nothing and answers that
   * version, so a retried request changes nothing twice.
   */
  async load(actor: Actor, agencyId: string, body: unknown, req: Request): Promise<ProfileLoadedResponse> {
    const { profile, errors } = profileFieldErrors(body);
    if (!profile) throw new ApiException('PROFILE_INVALID', errors);
    const latest = await this.registry.latest(agencyId);
    if (latest && latest.hash === profileHash(profile)) return loaded(latest, false, false);
    const problems = successionErrors(profile, {
      agencyId,
      latest: latest?.profile,
      codeOwner: await this.registry.codeOwner(profile.code),
      today: chinaDate(new Date()),
    });
    if (problems.length) throw new ApiException('PROFILE_INVALID', problems);
    const refused = await this.registry.add(profile, actor.id);
    if (refused === 'code_taken') {
      throw new ApiException('PROFILE_INVALID', [
        { field: 'code', code: 'CODE_TAKEN', message: `机关代码 ${profile.code} 已由其他机关使用` },
      ]);
    }
    if (refused === 'version_taken') {
      // Another request stored this version meanwhile: the same document is this request's answer.
      const now = await this.registry.latest(agencyId);
      if (now && now.hash === profileHash(profile)) return loaded(now, false, false);
      throw new ApiException('PROFILE_VERSION_TAKEN');
    }
    const stored = (await this.registry.latest(agencyId))!;
    const details = {
      agencyId,
      version: profile.version,
      effectiveFrom: profile.effectiveFrom,
      sha256: stored.hash,
      agencyCreated: !latest,
    };
    await this.audit.changed(actor, 'agency_profile_loaded', req, details, agencyId);
    return loaded(stored, true, !latest);
  }
}

function loaded(s: StoredProfile, stored: boolean, agencyCreated: boolean): ProfileLoadedResponse {
  const p = s.profile;
  return { agencyId: p.id, version: p.version, effectiveFrom: p.effectiveFrom, source: s.source, hash: s.hash, stored, agencyCreated };
}

/** An agency with the version in force today (the latest where none is in force yet) and every version. */
function toSummary(a: RegisteredAgency): ProfileSummaryResponse {
  const profiles: AgencyProfile[] = a.versions.map((v) => v.profile);
  const current = findProfileIn(profiles, a.id, new Date()) ?? profiles.at(-1)!;
  const source = a.versions.find((v) => v.profile === current)!.source;
  return {
    id: a.id,
    name: current.name,
    code: current.code,
    regulation: current.regulation,
    version: current.version,
    effectiveFrom: current.effectiveFrom,
    source,
    versions: a.versions.map((v) => ({ version: v.profile.version, effectiveFrom: v.profile.effectiveFrom, source: v.source })),
  };
}
