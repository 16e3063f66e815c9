import { REFUSALS } from '#libs/domain/refusals';
import { API_ERRORS, ERRORS, MESSAGES } from './errors';
import { statusOf } from './statuses';

// A workflow's refusal reaches the client with its own code only when the catalogue knows it (an
// unknown code would become a 500). The workflows refuse only with a RefusalCode (workflows/refuse.ts)
// and statusOf is an exhaustive switch, so the compiler keeps both complete; these check the values.
it('answers with the stage refusals and the API’s own codes, and nothing else', () => {
  expect(Object.keys(API_ERRORS).filter((c) => c in REFUSALS)).toEqual([]);
  expect(Object.keys(MESSAGES).sort()).toEqual([...Object.keys(API_ERRORS), ...Object.keys(REFUSALS)].sort());
});

it('gives every code an HTTP error status and a Chinese message', () => {
  const wrong = Object.entries(ERRORS).filter(
    ([, { status, message }]) => !(status >= 400 && status < 600) || !/[\u4e00-\u9fff]/.test(message),
  );
  expect(wrong).toEqual([]);
});

it('answers a refusal of the case’s state with 409 and a missing object with 404', () => {
  expect(statusOf('HEARING_PENDING')).toBe(409);
  expect(statusOf('CASE_OTHER_AGENCY')).toBe(404);
  expect(statusOf('TASK_WRONG_ROLE')).toBe(403);
  expect(statusOf('TIME_IN_FUTURE')).toBe(400);
});
