import { AgencyProfile } from '../schema';

const REG = '大连金普新区海洋发展局行政执法全过程记录实施办法';

export const jinpuOcean: AgencyProfile = {
  id: 'jinpu-ocean',
  version: 1,
  name: '大连金普新区海洋发展局',
  code: 'jp',
  regulation: { title: REG, seed: '004' },
  initiation: {
    approverTitle: { value: '本单位负责人', source: `${REG} 第十条第一款` },
    emergencyStart: { backReport: { value: 24, unit: 'hours' }, source: `${REG} 第十条第一款` },
    declineNotice: {
      applicant: true,
      realNameComplainant: true,
      exOfficioParty: false,
      source: `${REG} 第八条、第十一条`,
    },
  },
};
