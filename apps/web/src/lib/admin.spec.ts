import { EMPTY_USER, changeUserBody, createUserBody, parseObject, pathErrors, scheduleDays, userForm } from './admin';

describe('user form', () => {
  it('sends no certificate for a user without a number, and the trimmed fields with the initial password', () => {
    expect(createUserBody({ ...EMPTY_USER, username: ' xlt.new ', displayName: '新人', unit: '执法科' }, 'xlt', 'Pw-2026-abcd')).toEqual({
      username: 'xlt.new',
      displayName: '新人',
      agencyId: 'xlt',
      unit: '执法科',
      role: 'officer',
      password: 'Pw-2026-abcd',
    });
  });

  it('round-trips a user with a certificate, and removes the certificate (null) once its number is cleared', () => {
    const form = userForm({
      username: 'xlt.officer1',
      displayName: '张三',
      unit: '执法科',
      role: 'officer',
      active: true,
      certificate: { number: 'ZF001', issuer: null, validFrom: '2025-01-01', validTo: '2028-12-31' },
    });
    expect(changeUserBody(form)).toEqual({
      displayName: '张三',
      unit: '执法科',
      role: 'officer',
      active: true,
      certificate: { number: 'ZF001', validFrom: '2025-01-01', validTo: '2028-12-31' },
    });
    expect(changeUserBody({ ...form, certificateNumber: '' }).certificate).toBeNull();
  });
});

describe('pasted JSON', () => {
  it('reads an object, and says why otherwise', () => {
    expect(parseObject('{"year":2027}')).toEqual({ value: { year: 2027 } });
    expect(parseObject('[1]')).toEqual({ error: '内容须为一个 JSON 对象（以 { 开头）' });
    expect(parseObject('{year')).toEqual({ error: expect.stringMatching(/^JSON 格式有误：/) });
  });

  it('keeps every field error with its JSON path', () => {
    const body = {
      code: 'PROFILE_INVALID',
      message: '配置有误',
      errors: [{ field: 'decision.days[0]', code: 'X', message: '须为正整数' }],
    };
    expect(pathErrors(body)).toEqual([{ path: 'decision.days[0]', message: '须为正整数' }]);
    expect(pathErrors({ message: '无权操作' })).toEqual([]);
  });
});

describe('scheduleDays', () => {
  it('lists holidays and adjusted working days together in date order', () => {
    expect(
      scheduleDays({
        holidays: [
          { name: '劳动节', days: ['2027-05-01', '2027-05-02'] },
          { name: '元旦', days: ['2027-01-01'] },
        ],
        makeupWorkdays: ['2027-04-25'],
      }),
    ).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-04-25', kind: 'workday', name: '调休上班' },
      { date: '2027-05-01', kind: 'holiday', name: '劳动节' },
      { date: '2027-05-02', kind: 'holiday', name: '劳动节' },
    ]);
  });
});
