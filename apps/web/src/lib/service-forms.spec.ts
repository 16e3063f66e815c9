import {
  attemptBody,
  attemptDetails,
  attemptErrors,
  outcomeBody,
  outcomeErrors,
  type AttemptForm,
  type OutcomeForm,
} from './service-forms';

const attempt = (over: Partial<AttemptForm> = {}): AttemptForm => ({
  method: 'direct',
  startedAt: '2026-03-05 14:30',
  postal: { carrier: '中国邮政', trackingNumber: 'EMS123', address: ' ' },
  via: { reason: '当事人在外地', to: '某镇政府' },
  publicNotice: { carrier: 'posting', place: '村委会公告栏' },
  ...over,
});

const outcome = (over: Partial<OutcomeForm> = {}): OutcomeForm => ({
  outcome: 'served',
  at: '2026-03-06 09:00',
  receipt: { signedBy: '王五', receiptNumber: '' },
  lodged: { refusalReason: '拒绝签收', witness: '村委会主任李四' },
  failureReason: '查无此人',
  ...over,
});

describe('the service forms', () => {
  it("asks each method's own details", () => {
    expect(attemptDetails('postal')).toBe('postal');
    expect(attemptDetails('entrusted')).toBe('via');
    expect(attemptDetails('forwarded')).toBe('via');
    expect(attemptDetails('public_notice')).toBe('publicNotice');
    expect(attemptDetails('direct')).toBeNull();
  });

  it('sends only the chosen method’s details, the time as a China instant', () => {
    expect(attemptBody(attempt())).toEqual({
      method: 'direct',
      startedAt: '2026-03-05T14:30:00+08:00',
      postal: undefined,
      via: undefined,
      publicNotice: undefined,
    });
    expect(attemptBody(attempt({ method: 'postal' })).postal).toEqual({
      carrier: '中国邮政',
      trackingNumber: 'EMS123',
      address: undefined,
    });
    expect(attemptBody(attempt({ method: 'forwarded' })).via).toEqual({ reason: '当事人在外地', to: '某镇政府' });
  });

  it('sends the receipt of a signed service, the refusal and witness of a lodged one, the reason of a failure', () => {
    expect(outcomeBody(outcome(), 'direct')).toEqual({
      outcome: 'served',
      at: '2026-03-06T09:00:00+08:00',
      receipt: { signedBy: '王五', receiptNumber: undefined },
      lodged: undefined,
      failureReason: undefined,
    });
    expect(outcomeBody(outcome(), 'lodged')).toMatchObject({
      receipt: undefined,
      lodged: { refusalReason: '拒绝签收', witness: '村委会主任李四' },
    });
    expect(outcomeBody(outcome(), 'electronic')).toMatchObject({ receipt: undefined, lodged: undefined });
    expect(outcomeBody(outcome({ outcome: 'failed' }), 'postal')).toMatchObject({ receipt: undefined, failureReason: '查无此人' });
  });

  it('puts nested field errors next to their fields and a refusal above the form', () => {
    const nested = attemptErrors({
      code: 'VALIDATION_FAILED',
      message: '请求参数有误',
      errors: [{ field: 'postal.trackingNumber', code: 'REQUIRED', message: '邮件单号不能为空' }],
    });
    expect(nested).toEqual({ fields: { 'postal.trackingNumber': '邮件单号不能为空' }, message: null });
    const refused = outcomeErrors({ code: 'SERVICE_RECEIPT_MISSING', message: '须登记送达回证' });
    expect(refused).toEqual({ fields: {}, message: '须登记送达回证' });
  });
});
