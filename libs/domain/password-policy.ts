/** The password policy: applied when an administrator sets a password and when a user changes theirs. */
export const PASSWORD_MIN_LENGTH = 10;

export interface PasswordProblem {
  code: 'TOO_SHORT' | 'PASSWORD_NEEDS_LETTERS_AND_DIGITS' | 'PASSWORD_CONTAINS_USERNAME';
  message: string;
}

/**
 * What is wrong with `password` for the account `username`, in order. A password too short is told
 * so alone: whatever else it lacks, it must be written anew. Letters and digits both (at least one
 * of each); the username, in any case, nowhere inside it.
 */
export function passwordProblems(password: string, username: string): PasswordProblem[] {
  if ([...password].length < PASSWORD_MIN_LENGTH) return [{ code: 'TOO_SHORT', message: `密码至少需要${PASSWORD_MIN_LENGTH}个字符` }];
  const problems: PasswordProblem[] = [];
  if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password))
    problems.push({ code: 'PASSWORD_NEEDS_LETTERS_AND_DIGITS', message: '密码须同时包含字母和数字' });
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    problems.push({ code: 'PASSWORD_CONTAINS_USERNAME', message: '密码不能包含用户名' });
  return problems;
}
