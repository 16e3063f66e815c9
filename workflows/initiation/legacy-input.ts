import type { InitiationInput } from '#libs/messages/initiation';
import type { Seed } from '#libs/profiles/source';

/**
 * Cases started before profiles became versioned data pinned an older input: no calendar, and
 * rules whose sources were already rendered text. Their workflows must go on under today's code
 * (the recorded histories in test/workflow/histories replay through this), so the old shape is
 * read into the current one here. Pure and deterministic.
 */
interface LegacyRules {
  approverTitle: { value: string; source: string };
  emergencyStart: { backReport: { value: number; unit: 'hours' }; source: string } | null;
  declineNotice: { applicant: boolean; realNameComplainant: boolean; exOfficioParty: boolean; source: string };
}

type Incoming = Omit<InitiationInput, 'profile' | 'calendar'> & {
  profile: InitiationInput['profile'] | { id: string; version: number; initiation: LegacyRules };
  calendar?: InitiationInput['calendar'];
};

const SEED_OF: Record<string, Seed> = {
  'xinglongtai-civil-affairs': '000',
  'xinxiang-town': '001',
  'huayin-housing': '002',
  'pingluo-veterans': '003',
  'jinpu-ocean': '004',
};

export function currentInput(input: Incoming): InitiationInput {
  const { profile } = input;
  if (!('approverTitle' in profile.initiation)) return { ...input, calendar: input.calendar ?? [] } as InitiationInput;
  const old = profile.initiation as LegacyRules;
  // Old sources read '<regulation title> <article>'.
  const title = old.approverTitle.source.split(' ')[0];
  const source = (text: string) => ({ seed: SEED_OF[profile.id], article: text.slice(text.indexOf(' ') + 1) });
  const approver = { title: old.approverTitle.value, source: source(old.approverTitle.source) };
  return {
    ...input,
    calendar: [],
    profile: {
      id: profile.id,
      version: profile.version,
      regulationTitle: title,
      initiation: {
        approver,
        emergencyStart: old.emergencyStart
          ? {
              allowed: true,
              backReport: { amount: old.emergencyStart.backReport.value, unit: 'hour' },
              source: source(old.emergencyStart.source),
            }
          : { allowed: false, source: approver.source },
        declineNotice: { ...old.declineNotice, source: source(old.declineNotice.source) },
        // Never reached: the acceptance step is patched in, and these cases started without it.
        applicationAcceptance: {
          period: { amount: 5, unit: 'workday' },
          source: { law: '中华人民共和国行政许可法', article: '第三十二条', nationalDefault: true },
        },
      },
    },
  };
}
