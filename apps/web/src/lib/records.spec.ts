import { officersPresent, recordErrors } from './records';

describe('the record forms', () => {
  it('puts an officer’s certificate refusal and an audiovisual item next to their fields', () => {
    const body = {
      code: 'RECORD_INVALID',
      message: '记录不符合规定',
      errors: [
        { field: 'officers[1].certificateNo', code: 'CERTIFICATE_NOT_VALID', message: '王执法的执法证件已于 2026-12-05 到期' },
        { field: 'metadata.producer', code: 'AV_METADATA_MISSING', message: '须记录制作人' },
        { field: 'metadata.sea_coordinates', code: 'AV_METADATA_MISSING', message: '须记录调查海域经纬度' },
      ],
    };
    expect(recordErrors(body, ['officers', 'producer'] as const)).toEqual({
      fields: { officers: '王执法的执法证件已于 2026-12-05 到期', producer: '须记录制作人' },
      message: '须记录调查海域经纬度',
    });
  });

  it('sends each chosen officer with their certificate number from the directory, in the order chosen', () => {
    const directory = [
      { id: 'a', certificateNo: '21010001' },
      { id: 'b', certificateNo: '21010002' },
      { id: 'c', certificateNo: null },
    ];
    expect(officersPresent(['b', 'a', 'c'], directory, '当场出示执法证件')).toEqual([
      { userId: 'b', certificateNo: '21010002', shown: '当场出示执法证件' },
      { userId: 'a', certificateNo: '21010001', shown: '当场出示执法证件' },
      { userId: 'c', certificateNo: '', shown: '当场出示执法证件' },
    ]);
  });
});
