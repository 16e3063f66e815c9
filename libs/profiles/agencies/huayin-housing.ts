import { AgencyProfile } from '../schema';

const REG = '华阴市住房和城乡建设局行政执法全过程记录制度';

export const huayinHousing: AgencyProfile = {
  id: 'huayin-housing',
  version: 1,
  name: '华阴市住房和城乡建设局',
  code: 'hy',
  regulation: { title: REG, seed: '002' },
  initiation: {
    approverTitle: { value: '本机关负责人', source: `${REG} 第九条第一款` },
    emergencyStart: { backReport: { value: 24, unit: 'hours' }, source: `${REG} 第九条第一款` },
    declineNotice: {
      applicant: true,
      realNameComplainant: true,
      exOfficioParty: false,
      source: `${REG} 第八条、第十条`,
    },
  },
};
