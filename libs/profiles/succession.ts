import type { ProfileFieldError } from './field-errors';
import type { AgencyProfile } from './schema';

/** What the store knows when a profile document is loaded for an agency. */
export interface Succession {
  /** The agency the request names (the path's `agencyId`). */
  agencyId: string;
  /** The agency's latest stored version; absent for a new agency. */
  latest?: AgencyProfile;
  /** The agency that already uses the document's code, if another one does. */
  codeOwner?: { id: string; name: string };
  /** Today's China date, 'YYYY-MM-DD'. */
  today: string;
}

/**
 * Whether a valid profile document may become the agency's next version, every problem at once:
 * - its id is the path's agency;
 * - its version is the next number (1 for a new agency): two administrators loading at once cannot
 *   both become version n+1, and a version number always names one document;
 * - its code is no other agency's (logins and case numbers are prefixed with it), and an agency
 *   keeps its code and regulation seed from version to version, as the built-in files do;
 * - for an agency that has versions, it takes effect today (China time) or later: cases pin the
 *   version in force when they start, and a version back-dated into the past would change which
 *   version `GET /profiles/{id}?on=…` names for days already gone. A new agency may give any date
 *   (its regulation may have been in force for years): it has no case and no earlier version.
 */
export function successionErrors(profile: AgencyProfile, s: Succession): ProfileFieldError[] {
  const errors: ProfileFieldError[] = [];
  if (profile.id !== s.agencyId) {
    errors.push({ field: 'id', code: 'ID_MISMATCH', message: `须与请求路径中的机关标识 ${s.agencyId} 一致` });
  }
  const next = (s.latest?.version ?? 0) + 1;
  if (profile.version !== next) {
    const why = s.latest ? `当前最新版本为 ${s.latest.version}` : '新机关的第一个版本';
    errors.push({ field: 'version', code: 'VERSION_NOT_NEXT', message: `版本号应为 ${next}（${why}）` });
  }
  if (s.codeOwner && s.codeOwner.id !== s.agencyId) {
    errors.push({ field: 'code', code: 'CODE_TAKEN', message: `机关代码 ${profile.code} 已由${s.codeOwner.name}使用` });
  }
  if (s.latest && profile.code !== s.latest.code) {
    errors.push({ field: 'code', code: 'CODE_CHANGED', message: `机关代码须保持为 ${s.latest.code}（登录名和案号以其为前缀）` });
  }
  if (s.latest && profile.regulation.seed !== s.latest.regulation.seed) {
    errors.push({ field: 'regulation.seed', code: 'SEED_CHANGED', message: `制度编号须保持为 ${s.latest.regulation.seed}` });
  }
  if (s.latest && profile.effectiveFrom < s.today) {
    errors.push({
      field: 'effectiveFrom',
      code: 'EFFECTIVE_FROM_PAST',
      message: `生效日期不得早于今天（${s.today}，北京时间）：已有案件适用的版本不能被追溯改变`,
    });
  }
  return errors;
}
