import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AgencyProfile, PROFILES, Source, cite, findProfile, numberingOf } from '#libs/profiles/index';
import { ApiException } from '../common/api.exception';
import { DateField } from '../common/fields';
import { PageQuery, pageOf, skipOf } from '../common/paging';
import { ProfilePage, ProfileResponse, ProfileSummaryResponse } from './profiles.response';

class ProfileQuery {
  @DateField('适用日期', { optional: true }) on?: string;
}

/** Adds the Chinese citation beside every source, so a reader sees the article behind each figure. */
function withCitations(profile: AgencyProfile, node: unknown): unknown {
  if (Array.isArray(node)) return node.map((n) => withCitations(profile, n));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = withCitations(profile, v);
  if ('source' in node && (node as { source: unknown }).source && typeof (node as { source: unknown }).source === 'object') {
    out.citation = cite(profile.regulation.title, (node as { source: Source }).source);
  }
  return out;
}

function toSummary(id: string): ProfileSummaryResponse {
  const p = findProfile(id)!;
  const versions = PROFILES.filter((v) => v.id === id).map((v) => ({ version: v.version, effectiveFrom: v.effectiveFrom }));
  return { id, name: p.name, code: p.code, regulation: p.regulation, version: p.version, effectiveFrom: p.effectiveFrom, versions };
}

@ApiTags('profiles 机关执法规则')
@ApiBearerAuth()
@Controller('v1/profiles')
export class ProfilesController {
  /** The agencies, a page at a time, in the order of their seeds. */
  @Get()
  @ApiOkResponse({ type: ProfilePage })
  list(@Query() q: PageQuery): ProfilePage {
    const ids = [...new Set(PROFILES.map((p) => p.id))];
    return pageOf(ids.slice(skipOf(q), skipOf(q) + q.pageSize).map(toSummary), ids.length, q);
  }

  /** The rules in force (today, or `on` a China date), every figure with its source and citation. */
  @Get(':id')
  @ApiOkResponse({ type: ProfileResponse })
  get(@Param('id') id: string, @Query() q: ProfileQuery): ProfileResponse {
    const profile = findProfile(id, q.on ? new Date(`${q.on}T00:00:00+08:00`) : new Date());
    if (!profile) throw new ApiException('AGENCY_PROFILE_UNKNOWN');
    // The numbering as it applies, defaults filled in (the section itself is optional).
    return { ...(withCitations(profile, profile) as ProfileResponse), numbering: { ...numberingOf(profile) } };
  }
}
