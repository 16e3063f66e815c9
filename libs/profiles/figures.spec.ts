import { PROFILES, Period, Source, cite, isSeedSource, sourcesIn } from '.';

describe('national timelines (legal-timelines.md) where the regulations are silent', () => {
  it('carry the national figures, each marked as a national default', () => {
    for (const p of PROFILES) {
      const { decision: d, investigation: i, service: s, execution: e } = p;
      expect([
        d.deadline.period,
        d.preDecisionNotice.statementWindow.period,
        d.preDecisionNotice.hearingRequest.period,
        d.preDecisionNotice.hearingNotice.period,
        i.registeredPreservation.period,
        i.sealSeize.period,
        i.sealSeize.extension.period,
        i.freeze.period,
        s.absentParty.period,
        s.publicNotice.deemedServedAfter,
        e.payment.period,
        e.courtApplication.earliest.period,
        e.courtApplication.window.period,
        e.remedies.review.period,
        e.remedies.lawsuit.period,
      ]).toEqual([
        { amount: 90, unit: 'day' },
        { amount: 3, unit: 'workday' },
        { amount: 5, unit: 'workday' },
        { amount: 7, unit: 'workday' },
        { amount: 7, unit: 'workday' },
        { amount: 30, unit: 'day' },
        { amount: 30, unit: 'day' },
        { amount: 30, unit: 'day' },
        { amount: 7, unit: 'workday' },
        { amount: 30, unit: 'day' },
        { amount: 15, unit: 'day' },
        { amount: 10, unit: 'workday' },
        { amount: 3, unit: 'month' },
        { amount: 60, unit: 'day' },
        { amount: 6, unit: 'month' },
      ]);
      expect(e.surcharge).toMatchObject({ dailyRatePercent: 3, cappedAtFine: true });
      expect(d.preDecisionNotice.statementWindow.source).toMatchObject({ nationalDefault: true, check: true });
      expect(i.freeze.source).toMatchObject({ nationalDefault: true, check: true });
    }
  });

  it('counts short periods that the law names in days as working days, and says so (行政处罚法 85, 行政强制法 69)', () => {
    for (const p of PROFILES) {
      for (const [path, period, source] of periodsIn(p)) {
        const where = `${p.id} ${path}`;
        const inDays = period.unit === 'day' || period.unit === 'workday';
        if (
          !isSeedSource(source) &&
          'law' in source &&
          source.law === '中华人民共和国行政处罚法' &&
          inDays &&
          [2, 3, 5, 7].includes(period.amount)
        ) {
          expect([where, period.unit]).toEqual([where, 'workday']);
        }
        if (!isSeedSource(source) && 'law' in source && source.law === '中华人民共和国行政强制法' && inDays && period.amount <= 10) {
          expect([where, period.unit]).toEqual([where, 'workday']);
        }
        if (period.unit === 'workday') expect([where, source.note ?? '']).toEqual([where, expect.stringMatching(/工作日/)]);
      }
    }
  });
});

describe('every figure has a source', () => {
  it('finds no object with a figure (value, flag, list or period) and no source, anywhere in a profile', () => {
    for (const p of PROFILES) {
      expect(unsourcedFigures(p)).toEqual([]);
      expect(sourcesIn(p).length).toBeGreaterThan(50);
    }
  });

  it('would notice one (the walker itself)', () => {
    const bad = {
      id: 'x',
      regulation: { title: 't' },
      decision: { deadline: { period: { amount: 1, unit: 'day' } }, ok: { flag: true, source: {} } },
    };
    expect(unsourcedFigures(bad)).toEqual(['decision.deadline']);
  });

  it('cites, for a seed source, the profile’s own regulation', () => {
    for (const p of PROFILES) {
      for (const [path, s] of sourcesIn(p)) {
        if (isSeedSource(s)) expect([path.join('.'), s.seed]).toEqual([path.join('.'), p.regulation.seed]);
      }
    }
  });
});

// ── helpers ──────────────────────────────────────────────────────────────────────────────────

const isPeriod = (v: unknown): v is Period =>
  !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).sort().join() === 'amount,unit';

/**
 * Paths of objects holding a figure but no `source`. A figure is a primitive, a non-empty list
 * of primitives or a period (an empty list of figure objects, like 003's audiovisual list, is not). The profile's identity (top level, `regulation`), sources and periods
 * themselves are not figures.
 */
function unsourcedFigures(node: unknown, path: string[] = []): string[] {
  if (Array.isArray(node)) return node.flatMap((v, i) => unsourcedFigures(v, [...path, String(i)]));
  if (!node || typeof node !== 'object' || isPeriod(node)) return [];
  const key = path[path.length - 1];
  if (key === 'source') return [];
  const identity = path.length === 0 || (path.length === 1 && key === 'regulation');
  const entries = Object.entries(node).filter(([k]) => k !== 'source');
  const hasFigure = entries.some(
    ([, v]) =>
      v === null || typeof v !== 'object' || isPeriod(v) || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x !== 'object')),
  );
  const here = !identity && hasFigure && !('source' in node) ? [path.join('.')] : [];
  return [...here, ...entries.flatMap(([k, v]) => unsourcedFigures(v, [...path, k]))];
}

/** Every period in a profile with the source of the figure that holds it. */
function periodsIn(node: unknown, path: string[] = [], source?: Source): [string, Period, Source][] {
  if (Array.isArray(node)) return node.flatMap((v, i) => periodsIn(v, [...path, String(i)], source));
  if (!node || typeof node !== 'object') return [];
  const own = (node as { source?: Source }).source ?? source;
  return Object.entries(node).flatMap(([k, v]): [string, Period, Source][] =>
    isPeriod(v) ? [[[...path, k].join('.'), v, own!]] : k === 'source' ? [] : periodsIn(v, [...path, k], own),
  );
}

describe('operational figures (no law fixes them) are marked as such', () => {
  it('the time to tell of a declined start is a working arrangement, shown as one', () => {
    for (const p of PROFILES) {
      const f = p.initiation.declineNotification!;
      expect([p.id, f.period]).toEqual([p.id, { amount: 5, unit: 'workday' }]);
      expect(f.source).toMatchObject({ operational: true });
      expect(cite(p, f.source)).toMatch(/^工作安排（法律和本机关制度均未规定）：/);
    }
  });
});
