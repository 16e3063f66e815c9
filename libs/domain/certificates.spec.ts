import { certificateCheck, certificateMessage, certificateRefusal, daysLeft, expiryWindow } from './certificates';

// 行政处罚法 第四十二条: an officer acts only on a day their 执法证件 holds. Validity runs by China
// calendar day, both ends included; the instant of the act is read in China time (UTC+8).
const card = { number: 'XLT-ZF-00001', validFrom: '2024-02-01', validTo: '2026-01-31' };

describe('certificateRefusal', () => {
  it('holds from the first valid day to the last, both included', () => {
    expect(certificateRefusal(card, '2024-02-01')).toBeNull();
    expect(certificateRefusal(card, '2025-06-15')).toBeNull();
    expect(certificateRefusal(card, '2026-01-31')).toBeNull();
  });

  it('is not yet valid the day before it starts, expired the day after it ends', () => {
    expect(certificateRefusal(card, '2024-01-31')).toBe('CERTIFICATE_NOT_YET_VALID');
    expect(certificateRefusal(card, '2026-02-01')).toBe('CERTIFICATE_EXPIRED');
  });

  it('refuses a missing certificate and one whose validity was never recorded', () => {
    expect(certificateRefusal({ number: null, validFrom: null, validTo: null }, '2025-01-01')).toBe('CERTIFICATE_MISSING');
    expect(certificateRefusal({ ...card, validTo: null }, '2025-01-01')).toBe('CERTIFICATE_VALIDITY_UNKNOWN');
    expect(certificateRefusal({ ...card, validFrom: null }, '2025-01-01')).toBe('CERTIFICATE_VALIDITY_UNKNOWN');
  });

  it('holds on a one-day certificate that day only', () => {
    const oneDay = { ...card, validFrom: '2026-03-01', validTo: '2026-03-01' };
    expect(certificateRefusal(oneDay, '2026-02-28')).toBe('CERTIFICATE_NOT_YET_VALID');
    expect(certificateRefusal(oneDay, '2026-03-01')).toBeNull();
    expect(certificateRefusal(oneDay, '2026-03-02')).toBe('CERTIFICATE_EXPIRED');
  });
});

describe('certificateCheck', () => {
  it('reads the instant of the act in China time: 23:59 on the last day holds, 00:00 the next does not', () => {
    expect(certificateCheck('张执法人员', card, new Date('2026-01-31T23:59:59+08:00'))).toBeNull();
    expect(certificateCheck('张执法人员', card, new Date('2026-01-31T15:59:59Z'))).toBeNull();
    expect(certificateCheck('张执法人员', card, new Date('2026-01-31T16:00:00Z'))).toEqual({
      code: 'CERTIFICATE_EXPIRED',
      message: '张执法人员的执法证件有效期至2026-01-31，已过期',
    });
    // 1 February 07:00 in Beijing is still 31 January in UTC: China's day decides.
    expect(certificateCheck('张执法人员', card, new Date('2026-02-01T07:00:00+08:00'))?.code).toBe('CERTIFICATE_EXPIRED');
    expect(certificateCheck('张执法人员', card, new Date('2024-02-01T00:00:00+08:00'))).toBeNull();
    expect(certificateCheck('张执法人员', card, new Date('2024-01-31T23:59:59+08:00'))?.code).toBe('CERTIFICATE_NOT_YET_VALID');
  });

  it('names the officer and the date in every message', () => {
    expect(certificateMessage('王执法人员', card, 'CERTIFICATE_NOT_YET_VALID')).toBe('王执法人员的执法证件自2024-02-01起生效，尚未生效');
    expect(certificateMessage('王执法人员', card, 'CERTIFICATE_VALIDITY_UNKNOWN')).toContain('XLT-ZF-00001');
    expect(certificateMessage('王执法人员', card, 'CERTIFICATE_MISSING')).toBe('王执法人员未登记执法证件，不得从事执法活动');
  });
});

describe('expiring within N days', () => {
  it('runs from today to today + N, across a month and a year end', () => {
    expect(expiryWindow('2026-12-06', 30)).toEqual({ from: '2026-12-06', to: '2027-01-05' });
    expect(expiryWindow('2028-02-01', 29)).toEqual({ from: '2028-02-01', to: '2028-03-01' });
    expect(daysLeft('2026-12-06', '2026-12-06')).toBe(0);
    expect(daysLeft('2026-12-06', '2027-01-05')).toBe(30);
  });
});
