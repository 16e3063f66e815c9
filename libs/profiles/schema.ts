import { z } from 'zod';
import { IsoDateSchema, SeedSchema, Source, isSeedSource } from './source';
import {
  ActsCoveredSchema,
  ArchivingSchema,
  DecisionSchema,
  ExecutionSchema,
  InitiationSchema,
  InvestigationSchema,
  ServiceSchema,
  SupervisionSchema,
} from './stages';
import { NumberingSchema, numberingOf } from './numbering';

export * from './source';
export * from './stages';
export { DEFAULT_PATTERNS, NumberingSchema, numberingOf } from './numbering';

/**
 * An agency's rules as versioned data: one JSON file per agency per version
 * (`agencies/<seed>-<id>.v<version>.json`). A case pins a profile (id and version) when it starts,
 * so a later version never changes the rules of a running case. Unknown fields are refused
 * everywhere; every figure carries its source.
 */
/** An agency's id: kebab-case (jinpu-ocean). */
export const AGENCY_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** An agency's code: the prefix of its logins and case numbers. */
export const AGENCY_CODE = /^[a-z]{2,6}$/;

export const AgencyProfileSchema = z
  .strictObject({
    id: z.string().regex(AGENCY_ID, 'must be kebab-case'),
    version: z.number().int().min(1),
    /** The first China-local date on which this version is in force. */
    effectiveFrom: IsoDateSchema,
    name: z.string().min(1),
    /** Short prefix for logins and case numbers. */
    code: z.string().regex(AGENCY_CODE, 'must be 2–6 lower-case letters'),
    regulation: z.strictObject({
      title: z.string().min(1),
      seed: SeedSchema,
      documentNumber: z.string().min(1).optional(),
      issuedOn: IsoDateSchema.optional(),
    }),
    /** Choices made where the regulation leaves something open (e.g. no date of effect). */
    notes: z.array(z.string().min(1)).optional(),
    actsCovered: ActsCoveredSchema,
    initiation: InitiationSchema,
    investigation: InvestigationSchema,
    decision: DecisionSchema,
    service: ServiceSchema,
    execution: ExecutionSchema,
    archiving: ArchivingSchema,
    supervision: SupervisionSchema,
    /** 案号 and 文号 (optional: defaults in numbering.ts). */
    numbering: NumberingSchema.optional(),
  })
  .superRefine(
    (profile, ctx) => {
      // Runs even when other fields failed (`when` below), so that every problem is reported at once:
      // the value may then be malformed anywhere, hence the guards.
      const seed = (profile as { regulation?: { seed?: unknown } }).regulation?.seed;
      // A seed source cites the profile's own regulation: cite() renders it with that title.
      for (const [path, source] of sourcesIn(profile)) {
        if (typeof seed === 'string' && isSeedSource(source) && typeof source.seed === 'string' && source.seed !== seed) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'seed'],
            message: `cites seed ${source.seed}, but this profile's regulation is seed ${seed}`,
            params: { rule: 'seed_mismatch', seed: source.seed, own: seed },
          });
        }
      }
      const mandatory = (profile as { investigation?: { audiovisual?: { mandatory?: unknown } } }).investigation?.audiovisual?.mandatory;
      const seen = new Set<string>();
      (Array.isArray(mandatory) ? mandatory : []).forEach((r: { activity?: unknown; onlyWhen?: unknown }, i) => {
        if (!r || typeof r !== 'object' || typeof r.activity !== 'string') return;
        const key = `${r.activity}/${r.onlyWhen ?? ''}`;
        if (seen.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['investigation', 'audiovisual', 'mandatory', i, 'activity'],
            message: `duplicate activity ${r.activity}`,
            params: { rule: 'duplicate_activity', activity: r.activity },
          });
        }
        seen.add(key);
      });
      // Both decisions' 文号 share one unique index per agency (cases.decision_number): one pattern could number two decisions alike.
      if (typeof (profile as { code?: unknown }).code !== 'string') return;
      const { rules } = numberingOf(profile);
      const [normal, summary] = [rules.decision, rules.summary_decision];
      if (normal.mode === 'assigned' && summary.mode === 'assigned' && normal.pattern === summary.pattern) {
        ctx.addIssue({
          code: 'custom',
          path: ['numbering', 'summaryDecision', 'pattern'],
          message: '当场处罚决定书与行政处罚决定书的文号规则不得相同',
          params: { rule: 'same_decision_patterns' },
        });
      }
    },
    { when: (payload) => payload.value !== null && typeof payload.value === 'object' },
  );

export type AgencyProfile = z.infer<typeof AgencyProfileSchema>;
export type InitiationRules = AgencyProfile['initiation'];
export type EmergencyStartRule = InitiationRules['emergencyStart'];
export type InvestigationRules = AgencyProfile['investigation'];
export type AudiovisualRules = InvestigationRules['audiovisual'];
export type AvRequirement = AudiovisualRules['mandatory'][number];
export type AvActivity = AvRequirement['activity'];
export type DecisionRules = AgencyProfile['decision'];
export type ServiceRules = AgencyProfile['service'];
export type ExecutionRules = AgencyProfile['execution'];
export type ArchivingRules = AgencyProfile['archiving'];

/** Every `source` in a value, with its path (sections, figures, list entries). */
export function sourcesIn(value: unknown, path: (string | number)[] = []): [(string | number)[], Source][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => sourcesIn(v, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]): [(string | number)[], Source][] =>
    k === 'source' ? (v !== null && typeof v === 'object' ? [[[...path, k], v as Source]] : []) : sourcesIn(v, [...path, k]),
  );
}
