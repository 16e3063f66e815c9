import raw000 from '#libs/profiles/agencies/000-xinglongtai-civil-affairs.v1.json';

/** The sixth agency of the onboarding tests and of README "Onboarding an agency". */
export const SIXTH = { id: 'lvshun-ocean-fisheries', code: 'lsof', name: '旅顺口区海洋与渔业局', seed: '005' } as const;

/**
 * A profile document for a sixth agency, derived from 兴隆台's (seed 000) as the README's walk-through
 * does (its jq command): its own id, code, name, regulation, seed and 机关代字, and a 15-day archive period.
 */
export function sixthAgencyProfile(): Record<string, any> {
  const d = JSON.parse(JSON.stringify(raw000).replaceAll('"seed":"000"', `"seed":"${SIXTH.seed}"`));
  Object.assign(d, { id: SIXTH.id, code: SIXTH.code, name: SIXTH.name, version: 1, effectiveFrom: '2026-01-01' });
  d.regulation.title = `${SIXTH.name}行政执法全过程记录办法`;
  d.numbering = { agencyShort: '旅海渔' };
  d.archiving.deadline.period.amount = 15;
  d.archiving.deadline.source.note = '自行政执法行为终结之日起15日内归档';
  return d;
}
