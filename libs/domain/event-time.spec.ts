import { CLOCK_SKEW_MS, beforeStep, inFuture, latestStep, showEventTime } from './event-time';

// An event entered late counts from its own time, which can be neither ahead of now nor
// before the step it depends on. Fixed instants: these rules never read the clock themselves.
const now = Date.parse('2026-12-06T10:00:00+08:00');

describe('not in the future (clock skew of five minutes)', () => {
  it('accepts now, the past, and a device clock up to five minutes fast', () => {
    expect(CLOCK_SKEW_MS).toBe(5 * 60_000);
    expect(inFuture('paidAt', '缴纳时间', '2026-12-06T10:00:00+08:00', now)).toBeNull();
    expect(inFuture('paidAt', '缴纳时间', '2026-11-06T10:00:00+08:00', now)).toBeNull();
    expect(inFuture('paidAt', '缴纳时间', '2026-12-06T10:05:00+08:00', now)).toBeNull();
  });

  it('refuses a time beyond the skew with a field error naming the field, TIME_IN_FUTURE', () => {
    expect(inFuture('handedOver.at', '交付时间', '2026-12-06T02:05:01Z', now)).toEqual({
      field: 'handedOver.at',
      code: 'TIME_IN_FUTURE',
      message: '交付时间（2026-12-06 10:05）不能晚于当前时间',
    });
  });

  it('compares a date-only field (决定日期) with today in China, whatever the hour', () => {
    const lateEvening = Date.parse('2026-12-06T23:59:00+08:00');
    const earlyMorning = Date.parse('2026-12-06T00:01:00+08:00'); // still 12-05 in UTC
    expect(inFuture('decidedOn', '决定日期', '2026-12-06', lateEvening)).toBeNull();
    expect(inFuture('decidedOn', '决定日期', '2026-12-06', earlyMorning)).toBeNull();
    expect(inFuture('decidedOn', '决定日期', '2026-12-07', lateEvening)).toMatchObject({ field: 'decidedOn', code: 'TIME_IN_FUTURE' });
  });
});

describe('not before the step it depends on', () => {
  const approval = { label: '负责人批准', at: '2026-12-01T15:30:00+08:00' };

  it('refuses a decision dated the day before its approval, naming the step and its time (EVENT_BEFORE_STEP)', () => {
    expect(beforeStep('decidedOn', '决定日期', '2026-11-30', approval)).toEqual({
      field: 'decidedOn',
      code: 'EVENT_BEFORE_STEP',
      message: '决定日期（2026-11-30）不能早于负责人批准（2026-12-01 15:30）',
    });
  });

  it('a date-only side compares China dates: a decision dated the day of its approval is on time at any hour', () => {
    expect(beforeStep('decidedOn', '决定日期', '2026-12-01', approval)).toBeNull();
    // Handed over in the morning of the decision's date (the document exists from its date).
    expect(beforeStep('handedOver.at', '交付时间', '2026-12-01T08:00:00+08:00', { label: '决定日期', at: '2026-12-01' })).toBeNull();
    expect(beforeStep('handedOver.at', '交付时间', '2026-11-30T23:59:00+08:00', { label: '决定日期', at: '2026-12-01' })).toMatchObject({
      code: 'EVENT_BEFORE_STEP',
    });
  });

  it('instants compare to the millisecond: a pause before its measure is refused, at the same instant accepted', () => {
    const taken = { label: '扣押实施', at: '2026-12-01T09:00:00+08:00' };
    expect(beforeStep('at', '中止计算时间', '2026-12-01T08:59:59+08:00', taken)).toMatchObject({ field: 'at', code: 'EVENT_BEFORE_STEP' });
    expect(beforeStep('at', '中止计算时间', '2026-12-01T01:00:00Z', taken)).toBeNull();
  });

  it('no step known yet, no refusal', () => {
    expect(beforeStep('decidedOn', '决定日期', '2026-11-30', null)).toBeNull();
  });

  it('the latest of several steps is the one an event must follow (dates count from their first instant)', () => {
    const served = { label: '告知书送达', at: '2026-12-02T09:00:00+08:00' };
    expect(latestStep(approval, null, served)).toBe(served);
    expect(latestStep({ label: 'a', at: '2026-12-03' }, served)?.label).toBe('a');
    expect(latestStep(null, undefined)).toBeNull();
  });
});

it('shows an instant in China time and a date as is', () => {
  expect(showEventTime('2026-12-05T16:30:00Z')).toBe('2026-12-06 00:30');
  expect(showEventTime('2026-12-06')).toBe('2026-12-06');
});
