import { describeMoves, hasMoved } from './deadline-moves';

// A deadline computed again after a year's schedule arrived is recorded with old and new due time.
const schedule = {
  year: 2032,
  source: { title: '测试用2032年节假日安排', documentNumber: '测试〔2031〕9号', issuedOn: '2031-11-01' },
  holidays: [],
  makeupWorkdays: [],
};
const was = { dueAt: '2032-01-13T16:00:00.000Z', complete: false, missingYears: [2032] };
const now = { dueAt: '2032-01-14T16:00:00.000Z', complete: true, missingYears: [] };

it('the record line says old (estimated) and new due time of each deadline moved, and which schedule moved them', () => {
  expect(
    describeMoves(
      [
        { label: '缴纳罚款的期限', before: was, after: now },
        { label: '申请行政复议的期限', after: now },
      ],
      schedule,
    ),
  ).toBe(
    '「缴纳罚款的期限」期限重新计算：原届满时间2032-01-13 24:00（估算），现为2032-01-14 24:00；' +
      '「申请行政复议的期限」期限重新计算：现为2032-01-14 24:00；原因：已载入2032年节假日安排（测试〔2031〕9号）',
  );
});

it('a deadline has moved when its due time or its certainty changed', () => {
  expect(hasMoved(was, now)).toBe(true);
  expect(hasMoved(was, { ...was, complete: true, missingYears: [] })).toBe(true);
  expect(hasMoved(was, was)).toBe(false);
  expect(hasMoved(undefined, now)).toBe(true);
});
