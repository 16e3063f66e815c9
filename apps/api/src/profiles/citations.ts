import { AgencyProfile, Source, cite } from '#libs/profiles/index';

/** Adds the Chinese citation beside every source, so a reader sees the article behind each figure. */
export function withCitations(profile: AgencyProfile, node: unknown): unknown {
  if (Array.isArray(node)) return node.map((n) => withCitations(profile, n));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = withCitations(profile, v);
  if ('source' in node && (node as { source: unknown }).source && typeof (node as { source: unknown }).source === 'object') {
    out.citation = cite(profile.regulation.title, (node as { source: Source }).source);
  }
  return out;
}
