import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * The check against common passwords. The list is the `passwords-common` dictionary of
 * `@zxcvbn-ts/language-common` (49,233 passwords ranked by how often they appear in leaked
 * password sets, the list zxcvbn estimates strength with). Only 308 of them reach 12
 * characters, so a password is also refused when it is a listed one padded to length: repeated
 * (`qwertyqwerty`), or with digits and symbols before or after it (`password1234!`,
 * `2024dragon!!`). Its own entry point (`@workpoints/domain/common-passwords`), not the
 * domain's index: the web app and the workflows bundle the domain and need none of it.
 */
let common: ReadonlySet<string> | null = null;

function list(): ReadonlySet<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

/** The shortest core a padded password may have and still count as the listed one. */
const CORE_MIN = 4;

export function isCommonPassword(password: string): boolean {
  const lower = password.normalize('NFKC').toLowerCase();
  const set = list();
  if (set.has(lower)) return true;
  // A listed password with digits, spaces or symbols before or after it; or, for a listed
  // number, with spaces or symbols only.
  for (const around of [
    /^[\p{N}\p{P}\p{S}\p{Z}]+|[\p{N}\p{P}\p{S}\p{Z}]+$/gu,
    /^[\p{P}\p{S}\p{Z}]+|[\p{P}\p{S}\p{Z}]+$/gu,
  ]) {
    const core = lower.replace(around, '');
    if ([...core].length >= CORE_MIN && core !== lower && set.has(core)) return true;
  }
  return isRepetition(lower, set);
}

/** The password is one listed password (or any unit of at most 4 characters) said again. */
function isRepetition(password: string, set: ReadonlySet<string>): boolean {
  const chars = [...password];
  for (let size = 1; size <= chars.length / 2; size++) {
    if (chars.length % size !== 0) continue;
    const unit = chars.slice(0, size).join('');
    if (unit.repeat(chars.length / size) === password && (size <= 4 || set.has(unit))) return true;
  }
  return false;
}
