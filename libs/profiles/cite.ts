import type { AgencyProfile } from './schema';
import type { Source } from './source';

/**
 * The source of a figure as Chinese text for people (record entries, task screens, documents):
 * - the agency's own regulation: `兴隆台区民政局行政执法全过程记录实施办法 第六条第一款`;
 * - national law where the regulation is silent:
 *   `《中华人民共和国行政处罚法》第六十条（国家规定，本机关制度未作规定）`, with `待核` when
 *   the figure is not yet confirmed against an official text.
 * - a working arrangement (operational: no law fixes the figure): `工作安排（法律和本机关制度均未规定）：…`.
 * A note follows after a Chinese colon. Pure: safe in workflow code.
 * `profile` may be the regulation's title alone, for code that pins only the title (workflow input).
 */
export function cite(profile: Pick<AgencyProfile, 'regulation'> | string, source: Source): string {
  const title = typeof profile === 'string' ? profile : profile.regulation.title;
  if ('operational' in source) return `工作安排（法律和本机关制度均未规定）：${source.note}`;
  const base =
    'seed' in source
      ? `${title} ${source.article}`
      : `《${source.law}》${source.article}（国家规定，本机关制度未作规定${source.check ? '；待核' : ''}）`;
  return source.note ? `${base}：${source.note}` : base;
}
