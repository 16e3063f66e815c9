import { arrangeTasks, taskCountdown } from './tasks';

const task = (kind: string, dueAt: string | null, openedAt: string, overdue = false) => ({ kind, dueAt, openedAt, overdue });

describe('the 待办 list', () => {
  const a = task('unit_head_review', '2026-03-06T08:00:00Z', '2026-03-01T00:00:00Z');
  const b = task('chief_approval', '2026-03-05T08:00:00Z', '2026-03-02T00:00:00Z', true);
  const c = task('unit_head_review', null, '2026-03-03T00:00:00Z');

  it('sorts by due time, soonest first and those without one last, or by when opened, newest first', () => {
    expect(arrangeTasks([a, b, c], { order: 'due' })).toEqual([b, a, c]);
    expect(arrangeTasks([a, b, c], { order: 'opened' })).toEqual([c, b, a]);
  });

  it('filters by kind and by being overdue', () => {
    expect(arrangeTasks([a, b, c], { order: 'due', kind: 'unit_head_review' })).toEqual([a, c]);
    expect(arrangeTasks([a, b, c], { order: 'due', overdueOnly: true })).toEqual([b]);
  });

  it("shows a countdown, and 逾期 when the API says so even if the browser's clock is behind", () => {
    const now = new Date('2026-03-05T06:00:00Z');
    expect(taskCountdown(a, now)).toEqual({ overdue: false, label: '剩余 1天2小时' });
    expect(taskCountdown(b, now)).toEqual({ overdue: true, label: '逾期' });
    expect(taskCountdown(c, now)).toBeNull();
  });
});
