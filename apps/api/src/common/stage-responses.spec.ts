import { DueTimes } from '#libs/domain/deadlines';
import { mapDueTimes } from './stage-responses';

it('answers a view’s deadlines by kind, each in the one shape of a due time', () => {
  const due = { dueAt: '2026-12-01T16:00:00.000Z', complete: false, missingYears: [2027] };
  expect(mapDueTimes({ payment: due, court_window: { ...due, complete: true, missingYears: [] } })).toEqual({
    payment: due,
    court_window: { ...due, complete: true, missingYears: [] },
  });
});

it('leaves out what is not a deadline kind (the response schema lists the kinds and nothing else)', () => {
  const stray = {
    payment: { dueAt: '2026-12-01T16:00:00.000Z', complete: true, missingYears: [] },
    legacy: { dueAt: 'x' },
  } as unknown as DueTimes;
  expect(Object.keys(mapDueTimes(stray))).toEqual(['payment']);
});
