import { passwordProblems } from './password-policy';

// The password policy: at least 10 characters, letters and digits, not the username.
describe('passwordProblems', () => {
  it('accepts ten characters with letters and digits', () => {
    expect(passwordProblems('abcdefgh12', 'zhang.san')).toEqual([]);
    expect(passwordProblems('执法记录全过程2026年', 'zhang.san')).toEqual([]);
  });

  it('refuses nine characters, told alone', () => {
    expect(passwordProblems('abcdefg12', 'zhang.san')).toEqual([{ code: 'TOO_SHORT', message: '密码至少需要10个字符' }]);
    expect(passwordProblems('short', 'zhang.san').map((p) => p.code)).toEqual(['TOO_SHORT']);
  });

  it('needs both letters and digits', () => {
    expect(passwordProblems('abcdefghijk', 'zhang.san').map((p) => p.code)).toEqual(['PASSWORD_NEEDS_LETTERS_AND_DIGITS']);
    expect(passwordProblems('12345678901', 'zhang.san').map((p) => p.code)).toEqual(['PASSWORD_NEEDS_LETTERS_AND_DIGITS']);
  });

  it('refuses the username inside it, in any case, with every other problem at once', () => {
    expect(passwordProblems('Zhang.San2026', 'zhang.san').map((p) => p.code)).toEqual(['PASSWORD_CONTAINS_USERNAME']);
    expect(passwordProblems('zhang.sanzhang', 'zhang.san').map((p) => p.code)).toEqual([
      'PASSWORD_NEEDS_LETTERS_AND_DIGITS',
      'PASSWORD_CONTAINS_USERNAME',
    ]);
    expect(passwordProblems('zhang.san2026', 'zhang.san')[0].message).toBe('密码不能包含用户名');
  });
});
