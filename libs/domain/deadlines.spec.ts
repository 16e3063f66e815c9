import { LegalCalendar } from '../calendar/calendar';
import { computeDue } from '../calendar/period';
import { YearSchedule } from '../calendar/schedule';
import { DEADLINE_KINDS, dueTime, estimateMark } from './deadlines';

// One shape for every deadline shown, { dueAt, complete, missingYears }; a due time that
// reaches a year without a published schedule is an estimate (weekends only) and says so.
const y2031: YearSchedule = {
  year: 2031,
  source: { title: '测试', documentNumber: '测试〔2030〕1号', issuedOn: '2030-11-01' },
  holidays: ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'].map((name, i) => ({ name, days: [`2031-0${i + 1}-1${i}`] })),
  makeupWorkdays: [],
};
const calendar = new LegalCalendar([y2031]);

describe('the deadline shape', () => {
  it('a 15-day period from 2031-12-29 reaching unpublished 2032 is an estimate for 2032 (行政处罚法 67; 民法典 203)', () => {
    const d = dueTime(computeDue(calendar, '2031-12-29T10:00:00+08:00', { amount: 15, unit: 'day' }));
    expect(d).toEqual({ dueAt: '2032-01-13T16:00:00.000Z', complete: false, missingYears: [2032] });
    expect(estimateMark(d)).toBe('（估算）');
  });

  it('a period inside the published year is certain and carries no mark', () => {
    const d = dueTime(computeDue(calendar, '2031-06-01T10:00:00+08:00', { amount: 15, unit: 'day' }));
    expect(d).toMatchObject({ complete: true, missingYears: [] });
    expect(estimateMark(d)).toBe('');
  });

  it('every kind has a Chinese label', () => {
    for (const label of Object.values(DEADLINE_KINDS)) expect(label).toMatch(/期限|时间/);
  });
});
