import { z } from 'zod';

/**
 * The building blocks of a profile: where a figure comes from (Source) and how long a legal period
 * is (Period). Every figure of a profile is an object that carries its own `source`, so a reviewer
 * can check it against the text and a case can say why a deadline is what it is.
 */

/** The seeds of the five built-in agencies (their regulations); an agency loaded at run time takes a number of its own. */
export const SEEDS = ['000', '001', '002', '003', '004'] as const;
/** The number of the agency's regulation among the seeds: three digits, e.g. 005 for a sixth agency. */
export const SEED_PATTERN = /^\d{3}$/;
export const SeedSchema = z.string().regex(SEED_PATTERN, 'must be three digits');
export type Seed = z.infer<typeof SeedSchema>;

/** An article of the agency's own regulation: 第六条, 第六条第一款, 第五条第（一）项, 第七条、第八条第二款. */
export const SEED_ARTICLE = /^第[一二三四五六七八九十百零]+条/;

/** The agency's own regulation says so (the seed must be the profile's own seed). */
export const SeedSourceSchema = z.strictObject({
  seed: SeedSchema,
  article: z.string().regex(SEED_ARTICLE, 'must start with 第…条'),
  note: z.string().min(1).optional(),
});

/**
 * The agency's regulation is silent and national law applies. `check` marks a figure or article
 * not confirmed against an official text (legal-timelines.md "(check)", or a reading of ours):
 * keep it overridable and have it confirmed.
 */
export const NationalSourceSchema = z.strictObject({
  law: z.string().min(1),
  article: z.string().min(1),
  nationalDefault: z.literal(true),
  check: z.literal(true).optional(),
  note: z.string().min(1).optional(),
});

/**
 * Neither the agency's regulation nor national law fixes the figure: a working arrangement of the
 * agency (工作安排), kept so that nothing owed is left without a due time. The note says what it is for.
 */
export const OperationalSourceSchema = z.strictObject({
  operational: z.literal(true),
  note: z.string().min(1),
});

export const SourceSchema = z.union([SeedSourceSchema, NationalSourceSchema, OperationalSourceSchema]);
export type SeedSource = z.infer<typeof SeedSourceSchema>;
export type NationalSource = z.infer<typeof NationalSourceSchema>;
export type OperationalSource = z.infer<typeof OperationalSourceSchema>;
export type Source = z.infer<typeof SourceSchema>;

export function isSeedSource(source: Source): source is SeedSource {
  return 'seed' in source;
}

/**
 * Same shape as libs/calendar/period.ts (`{ amount, unit }`), defined here so that profiles do not
 * depend on the calendar: the two types are structurally identical and assignable both ways.
 * A 'workday' period is a short period that the law counts in working days (行政处罚法 第八十五条,
 * 行政强制法 第六十九条, 行政许可法 第八十二条) or that a regulation states in 工作日.
 */
export const PERIOD_UNITS = ['hour', 'day', 'workday', 'month'] as const;
export const PeriodUnitSchema = z.enum(PERIOD_UNITS);
export const PeriodSchema = z.strictObject({
  amount: z.number().int().positive(),
  unit: PeriodUnitSchema,
});
export type PeriodUnit = z.infer<typeof PeriodUnitSchema>;
export type Period = z.infer<typeof PeriodSchema>;

/** A figure: the given fields plus the mandatory `source`, unknown fields refused. */
export function sourced<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject({ ...shape, source: SourceSchema });
}

/** A plain period with its source. */
export const TimedSchema = sourced({ period: PeriodSchema });

/** 'YYYY-MM-DD', and a real calendar date. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const IsoDateSchema = z
  .string()
  .regex(ISO_DATE, 'must be YYYY-MM-DD')
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    },
    { message: 'not a calendar date', params: { rule: 'calendar_date' } },
  );
