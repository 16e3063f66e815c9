import { AgencyProfile } from '../schema';

const REG = '兴隆台区民政局行政执法全过程记录实施办法';

export const xinglongtaiCivilAffairs: AgencyProfile = {
  id: 'xinglongtai-civil-affairs',
  version: 1,
  name: '兴隆台区民政局',
  code: 'xlt',
  regulation: { title: REG, seed: '000' },
  initiation: {
    approverTitle: { value: '局长', source: `${REG} 第六条第一款` },
    emergencyStart: { backReport: { value: 24, unit: 'hours' }, source: `${REG} 第六条第一款` },
    declineNotice: {
      // 第五条 records 受理或不予受理 of applications; 第七条 the telling of real-name complainants.
      applicant: true,
      realNameComplainant: true,
      exOfficioParty: false,
      source: `${REG} 第五条、第七条`,
    },
  },
};
