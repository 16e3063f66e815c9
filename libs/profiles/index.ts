import { AgencyProfile } from './schema';
import { huayinHousing } from './agencies/huayin-housing';
import { jinpuOcean } from './agencies/jinpu-ocean';
import { pingluoVeterans } from './agencies/pingluo-veterans';
import { xinglongtaiCivilAffairs } from './agencies/xinglongtai-civil-affairs';
import { xinxiangTown } from './agencies/xinxiang-town';

export * from './schema';

/** The five agencies of the seeds, in seed order. */
export const PROFILES: readonly AgencyProfile[] = [
  xinglongtaiCivilAffairs,
  xinxiangTown,
  huayinHousing,
  pingluoVeterans,
  jinpuOcean,
];

export function findProfile(id: string): AgencyProfile | undefined {
  return PROFILES.find((p) => p.id === id);
}
