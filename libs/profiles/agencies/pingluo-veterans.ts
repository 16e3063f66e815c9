import { AgencyProfile } from '../schema';

const REG = '平罗县退役军人事务局行政执法全过程记录制度';

export const pingluoVeterans: AgencyProfile = {
  id: 'pingluo-veterans',
  version: 1,
  name: '平罗县退役军人事务局',
  code: 'pl',
  regulation: { title: REG, seed: '003' },
  initiation: {
    // 第五条(一) records 案件来源和立案情况 only; the approver is the agency's chief by national practice.
    approverTitle: { value: '行政机关负责人', source: `${REG} 第五条第（一）项` },
    emergencyStart: null,
    declineNotice: {
      // Silent on telling complainants; applications record 申请、补正、受理 (第五条(一)).
      applicant: true,
      realNameComplainant: false,
      exOfficioParty: false,
      source: `${REG} 第五条第（一）项`,
    },
  },
};
