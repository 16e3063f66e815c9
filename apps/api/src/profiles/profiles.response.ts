import { PageOf } from '../common/paging';
import { Bool, Day, Int, Json, Nested, NestedList, OneOf, Text, Texts } from '../common/responses';

/** Where a profile version comes from: shipped with lawtrail, or loaded by an administrator. */
export const PROFILE_SOURCES = ['builtin', 'loaded'] as const;

export class RegulationResponse {
  @Text() title: string;
  @Text({ description: '规范性文件编号（种子编号）' }) seed: string;
  @Text({ optional: true }) documentNumber?: string;
  @Day({ optional: true }) issuedOn?: string;
}

export class ProfileVersionResponse {
  @Int() version: number;
  @Day() effectiveFrom: string;
  @OneOf(PROFILE_SOURCES, { description: 'builtin：随系统发布；loaded：管理员加载' }) source: string;
}

/** An agency, the version of its rules in force today, and every version. */
export class ProfileSummaryResponse {
  @Text() id: string;
  @Text() name: string;
  @Text() code: string;
  @Nested(() => RegulationResponse) regulation: RegulationResponse;
  @Int() version: number;
  @Day() effectiveFrom: string;
  @OneOf(PROFILE_SOURCES, { description: '现行版本的来源：builtin 随系统发布，loaded 管理员加载' }) source: string;
  @NestedList(() => ProfileVersionResponse) versions: ProfileVersionResponse[];
}

export class ProfilePage extends PageOf(ProfileSummaryResponse) {}

const SECTION = '本阶段的规则；每个 source 旁附 citation（中文引注）';

/**
 * The rules of one agency in force on a day (libs/profiles/schema.ts), every source with its
 * Chinese citation beside it. The stages' rules are documented by the profile schema, not repeated here.
 */
export class ProfileResponse {
  @Text() id: string;
  @Int() version: number;
  @Day() effectiveFrom: string;
  @Text() name: string;
  @Text() code: string;
  @Nested(() => RegulationResponse) regulation: RegulationResponse;
  @Texts({ optional: true, description: '对规范未明确事项的处理说明' }) notes?: string[];
  @Json({ description: '适用的行为种类' }) actsCovered: Record<string, unknown>;
  @Json({ description: SECTION }) initiation: Record<string, unknown>;
  @Json({ description: SECTION }) investigation: Record<string, unknown>;
  @Json({ description: SECTION }) decision: Record<string, unknown>;
  @Json({ description: SECTION }) service: Record<string, unknown>;
  @Json({ description: SECTION }) execution: Record<string, unknown>;
  @Json({ description: SECTION }) archiving: Record<string, unknown>;
  @Json({ description: SECTION }) supervision: Record<string, unknown>;
  @Json({
    description: '案号、文号的编号规则（机关代字；每类的 mode：assigned 系统编号 / manual 手工编号，及 pattern），未配置的部分为默认值',
  })
  numbering: Record<string, unknown>;
}

/** A profile document loaded for an agency: the version stored, or the identical latest one (nothing stored). */
export class ProfileLoadedResponse {
  @Text() agencyId: string;
  @Int() version: number;
  @Day() effectiveFrom: string;
  @OneOf(PROFILE_SOURCES) source: string;
  @Text({ description: '配置文档规范化 JSON 的 SHA-256' }) hash: string;
  @Bool({ description: 'true：已存为新版本；false：与最新版本相同，未作更改' }) stored: boolean;
  @Bool({ description: '本次加载新建了该机关' }) agencyCreated: boolean;
}
