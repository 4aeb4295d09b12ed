/**
 * The password policy of OWASP ASVS 5.0 level 2 (V6.2): at least 12 characters and up to 128
 * (ASVS asks for at least 64 to be allowed), any character, no composition rules (no "one
 * digit, one capital"), no periodic change, and a refusal of common passwords and of words of
 * this context (the user name, the person's name, the system's name).
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** Words no password may be built on here, beside the person's own names. */
const SYSTEM_WORDS = ['workpoints', 'gongzuoyaodian', 'duban'];

export interface PasswordContext {
  username?: string | null;
  displayName?: string | null;
}

/**
 * What is wrong with a new password, in Chinese; empty when nothing is. Length counts
 * characters as people see them (a Chinese character is one). `isCommon` is the check against
 * the list of common passwords (`@workpoints/domain/common-passwords`), passed in so this file
 * stays free of the list's half megabyte for the web app and the workflows.
 */
export function passwordProblems(
  password: string,
  context: PasswordContext,
  isCommon: (password: string) => boolean,
): string[] {
  const length = [...password.normalize('NFC')].length;
  if (length < PASSWORD_MIN_LENGTH) return [`密码至少 ${PASSWORD_MIN_LENGTH} 个字符`];
  if (length > PASSWORD_MAX_LENGTH) return [`密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符`];
  const lower = password.normalize('NFKC').toLowerCase();
  const problems: string[] = [];
  if (isCommon(password)) problems.push('这个密码太常见，容易被猜中，请换一个');
  const own = [context.username, context.displayName]
    .map((w) => w?.normalize('NFKC').toLowerCase().trim() ?? '')
    .filter((w) => [...w].length >= 2);
  if (own.some((w) => lower.includes(w))) problems.push('密码不能包含用户名或姓名');
  else if (SYSTEM_WORDS.some((w) => lower.includes(w))) problems.push('密码不能包含系统名称');
  if (new Set(lower).size <= 2) problems.push('密码不能只由一两个字符重复组成');
  return problems;
}
