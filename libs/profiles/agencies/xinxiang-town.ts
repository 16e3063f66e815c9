import { AgencyProfile } from '../schema';

const REG = '重庆市万州区新乡镇行政执法全过程记录制度';

export const xinxiangTown: AgencyProfile = {
  id: 'xinxiang-town',
  version: 1,
  name: '重庆市万州区新乡镇人民政府',
  code: 'xx',
  regulation: { title: REG, seed: '001', documentNumber: '新乡府发〔2024〕52号', issuedOn: '2024-10-15' },
  initiation: {
    approverTitle: { value: '行政机关负责人', source: `${REG} 第七条第一款` },
    // The regulation names no emergency start: it is refused.
    emergencyStart: null,
    declineNotice: {
      // 第七条第二款: a decision not to start is told to the party or published, and recorded.
      applicant: true,
      realNameComplainant: true,
      exOfficioParty: true,
      source: `${REG} 第六条、第七条第二款、第八条第二款`,
    },
  },
};
