import { REFUSALS, STAGE_REFUSALS } from './refusals';

// The catalogue is the union of the stages': a code raised by two stages would take one stage's
// message silently, so each code belongs to exactly one stage.
it('gives every refusal code to exactly one stage', () => {
  const codes = Object.values(STAGE_REFUSALS).flatMap((stage) => Object.keys(stage));
  expect(codes.filter((c, i) => codes.indexOf(c) !== i)).toEqual([]);
  expect(codes.sort()).toEqual(Object.keys(REFUSALS).sort());
});

it('words every refusal in Chinese', () => {
  expect(Object.entries(REFUSALS).filter(([, message]) => !/[\u4e00-\u9fff]/.test(message))).toEqual([]);
});
