import { formErrors } from './field-errors';

describe('formErrors', () => {
  const fields = ['username', 'password'] as const;

  it('puts each field error next to its field', () => {
    const body = {
      code: 'VALIDATION_FAILED',
      message: '请求参数有误',
      errors: [
        { field: 'username', code: 'REQUIRED', message: '用户名不能为空' },
        { field: 'password', code: 'REQUIRED', message: '密码不能为空' },
      ],
    };
    expect(formErrors(body, fields)).toEqual({ fields: { username: '用户名不能为空', password: '密码不能为空' }, message: null });
  });

  it('joins several errors of one field and maps nested paths to their top-level field', () => {
    const body = {
      message: '请求参数有误',
      errors: [
        { field: 'parties[0].name', code: 'REQUIRED', message: '当事人姓名不能为空' },
        { field: 'parties[1].kind', code: 'ENUM', message: '当事人类型不符合要求' },
      ],
    };
    expect(formErrors(body, ['parties'])).toEqual({ fields: { parties: '当事人姓名不能为空；当事人类型不符合要求' }, message: null });
  });

  it('puts a nested field error next to the nested field a form shows', () => {
    const body = {
      message: '请求参数有误',
      errors: [
        { field: 'receipt.receivedAt', code: 'IN_FUTURE', message: '接收时间不能晚于当前时间' },
        { field: 'notification', code: 'REQUIRED', message: '告知情况不能为空' },
      ],
    };
    expect(formErrors(body, ['receipt.receivedAt', 'notification'])).toEqual({
      fields: { 'receipt.receivedAt': '接收时间不能晚于当前时间', notification: '告知情况不能为空' },
      message: null,
    });
  });

  it('shows an error about a field the form lacks above the form, not nowhere', () => {
    const body = { message: '请求参数有误', errors: [{ field: 'extra', code: 'UNKNOWN_FIELD', message: 'extra：不允许的字段' }] };
    expect(formErrors(body, fields)).toEqual({ fields: {}, message: 'extra：不允许的字段' });
  });

  it('shows the error message when there is no field error', () => {
    expect(formErrors({ code: 'AUTH_INVALID_CREDENTIALS', message: '用户名或密码错误' }, fields)).toEqual({
      fields: {},
      message: '用户名或密码错误',
    });
    expect(formErrors(undefined, fields).message).toBe('请求未能完成，请稍后重试');
  });
});
