import { certificateState, yuan } from './case-sections';

describe('the case page’s figures', () => {
  const cert = (from: string | null, to: string | null, no: string | null = '21010001') => ({
    certificateNo: no,
    certificateValidFrom: from,
    certificateValidTo: to,
  });

  it('shows a certificate valid on its first and last day and not a day outside (行政处罚法 第四十二条)', () => {
    expect(certificateState(cert('2026-01-01', '2026-12-31'), '2026-12-31')).toEqual({ valid: true, label: '有效期至 2026-12-31' });
    expect(certificateState(cert('2026-01-01', '2026-12-31'), '2026-01-01').valid).toBe(true);
    expect(certificateState(cert('2026-01-01', '2026-12-31'), '2027-01-01')).toEqual({
      valid: false,
      label: '执法证件已于 2026-12-31 到期',
    });
    expect(certificateState(cert('2027-01-01', '2029-12-31'), '2026-12-31')).toEqual({ valid: false, label: '执法证件 2027-01-01 起生效' });
    expect(certificateState(cert(null, null, null), '2026-12-31')).toEqual({ valid: false, label: '未登记执法证件' });
    expect(certificateState(cert('2020-01-01', null), '2026-12-31')).toEqual({ valid: false, label: '执法证件未登记有效期' });
  });

  it('writes fen as yuan with two decimals', () => {
    expect([yuan(0), yuan(125_000), yuan(5), yuan(null)]).toEqual(['0.00 元', '1,250.00 元', '0.05 元', '—']);
  });
});
