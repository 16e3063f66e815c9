import { PageOf } from '../common/paging';
import { Day, Int, Json, Nested, NestedList, Text, Texts } from '../common/responses';

export class RegulationResponse {
  @Text() title: string;
  @Text({ description: '规范性文件编号（种子编号）' }) seed: string;
  @Text({ optional: true }) documentNumber?: string;
  @Day({ optional: true }) issuedOn?: string;
}

export class ProfileVersionResponse {
  @Int() version: number;
  @Day() effectiveFrom: string;
}

/** An agency, the version of its rules in force today, and every version. */
export class ProfileSummaryResponse {
  @Text() id: string;
  @Text() name: string;
  @Text() code: string;
  @Nested(() => RegulationResponse) regulation: RegulationResponse;
  @Int() version: number;
  @Day() effectiveFrom: string;
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
