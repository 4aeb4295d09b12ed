import { isCommonPassword } from './common-passwords';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems } from './password-policy';

const context = { username: 'zlglc.staff', displayName: '吴佳怡' };
const problems = (password: string) => passwordProblems(password, context, isCommonPassword);

describe('passwordProblems (ASVS 5.0 level 2)', () => {
  it('asks for at least 12 characters, counting a Chinese character as one', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(problems('k7#Vb9-mQ2x')).toEqual(['密码至少 12 个字符']);
    expect(problems('k7#Vb9-mQ2xz')).toEqual([]);
    expect(problems('春风又绿江南岸明月何时')).toEqual(['密码至少 12 个字符']);
    expect(problems('春风又绿江南岸明月何时照我')).toEqual([]);
  });

  it('allows at least 64 characters and any character, with no composition rules', () => {
    expect(PASSWORD_MAX_LENGTH).toBeGreaterThanOrEqual(64);
    expect(problems('a'.repeat(0) + 'lowercase only passphrase with spaces')).toEqual([]);
    expect(problems('x'.repeat(1) + 'yz-'.repeat(21) + 'q')).toEqual([]);
    expect(problems('s'.repeat(PASSWORD_MAX_LENGTH + 1))).toEqual([
      `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符`,
    ]);
  });

  it('refuses common passwords, also when padded to length', () => {
    for (const common of [
      'qazwsxedcrfv',
      '1qaz2wsx3edc',
      'password1234',
      'Password2024!',
      '!!dragon2024',
      'qwertyqwerty',
      '123456123456',
      'iloveyou1314',
    ])
      expect([common, problems(common)]).toEqual([
        common,
        ['这个密码太常见，容易被猜中，请换一个'],
      ]);
  });

  it('refuses the user name, the person’s name and the system’s name inside a password', () => {
    expect(problems('zlglc.staff-2026')).toEqual(['密码不能包含用户名或姓名']);
    expect(problems('我是吴佳怡的密码呀呀呀呀')).toEqual(['密码不能包含用户名或姓名']);
    expect(problems('my-workpoints-key')).toEqual(['密码不能包含系统名称']);
  });

  it('refuses a password of one or two characters said again', () => {
    expect(problems('abababababab')).toContain('密码不能只由一两个字符重复组成');
    expect(problems('zzzzzzzzzzzzzzzz')).toContain('密码不能只由一两个字符重复组成');
  });
});

describe('isCommonPassword', () => {
  it('knows the most common passwords of the list, whatever their case', () => {
    expect(isCommonPassword('123456')).toBe(true);
    expect(isCommonPassword('PASSWORD')).toBe(true);
    expect(isCommonPassword('football')).toBe(true);
  });

  it('lets uncommon passphrases and random strings through', () => {
    expect(isCommonPassword('correct horse battery staple')).toBe(false);
    expect(isCommonPassword('k7#Vb9-mQ2xz')).toBe(false);
    expect(isCommonPassword('黄河远上白云间一片孤城')).toBe(false);
    // A listed word inside a longer phrase is not the listed password.
    expect(isCommonPassword('the dragon of lake tai')).toBe(false);
  });
});
