import { AgencyProfile, findProfile } from '#libs/profiles/index';
import { OfficerPresent, Right, WrittenKind, WrittenRecordInput } from '#libs/domain/evidence';

// Builders for the evidence rules' unit tests (libs/domain/evidence-*.spec.ts): the five seeds'
// profiles and a written record that passes every rule, changed one field at a time by each test.

export type Seed = '000' | '001' | '002' | '003' | '004';
const AGENCY: Record<Seed, string> = {
  '000': 'xinglongtai-civil-affairs',
  '001': 'xinxiang-town',
  '002': 'huayin-housing',
  '003': 'pingluo-veterans',
  '004': 'jinpu-ocean',
};
export const SEEDS = Object.keys(AGENCY) as Seed[];

export function profileOf(seed: Seed): AgencyProfile {
  const p = findProfile(AGENCY[seed]);
  if (!p) throw new Error(`no profile for seed ${seed} (${AGENCY[seed]})`);
  return p;
}

export function officer(n: number, over: Partial<OfficerPresent> = {}): OfficerPresent {
  return { userId: `u-${n}`, certificateNo: `执法证-${String(n).padStart(4, '0')}`, shown: '当场出示执法证件', ...over };
}

export const ALL_RIGHTS: Right[] = ['statement', 'defence', 'recusal', 'hearing', 'review', 'lawsuit'];

/** A record that passes every rule: two officers who showed their certificates, all rights told. */
export function record(kind: WrittenKind, over: Partial<WrittenRecordInput> = {}): WrittenRecordInput {
  return {
    kind,
    officers: [officer(1), officer(2)],
    rightsTold: { rights: [...ALL_RIGHTS], method: '口头告知并记入笔录' },
    avRecordIds: [],
    ...over,
  };
}

export function codes(errors: { code: string }[]): string[] {
  return errors.map((e) => e.code);
}
