import { randomBytes, randomInt } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Secrets the stack generates once and keeps in .data/secrets.json, so sign-ins survive a restart. */
export interface StackSecrets {
  jwtSecret: string;
}

export function generateJwtSecret(): string {
  return randomBytes(48).toString('base64url');
}

/**
 * Reads the secrets file, or creates it (mode 600) on first start. A file that cannot be read
 * as secrets stops the start rather than being replaced silently.
 */
export async function loadOrCreateSecrets(
  file: string,
): Promise<{ secrets: StackSecrets; created: boolean }> {
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (text !== undefined) return { secrets: parseSecrets(file, text), created: false };

  const secrets: StackSecrets = { jwtSecret: generateJwtSecret() };
  await mkdir(dirname(file), { recursive: true });
  try {
    await writeFile(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another start created it a moment ago: use that one.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateSecrets(file);
    throw error;
  }
  return { secrets, created: true };
}

function parseSecrets(file: string, text: string): StackSecrets {
  const fix = `Delete ${file} to generate a new one (everyone will have to sign in again), or set JWT_SECRET.`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not valid JSON. ${fix}`);
  }
  const jwtSecret = (parsed as { jwtSecret?: unknown } | null)?.jwtSecret;
  if (typeof jwtSecret !== 'string' || jwtSecret.length < 32) {
    throw new Error(`${file} has no jwtSecret of at least 32 characters. ${fix}`);
  }
  return { jwtSecret };
}

const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/**
 * A password for the demo accounts that is easy to type from the terminal: three groups of
 * four letters and digits (no 0/O, 1/l/I), with at least one of each kind, e.g. "Kp7m-x3Tq-9vWz".
 */
export function generateDemoPassword(): string {
  const all = LOWER + UPPER + DIGITS;
  for (;;) {
    const chars = Array.from({ length: 12 }, () => all[randomInt(all.length)] ?? '');
    const password = [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
    if (/[a-z]/.test(password) && /[A-Z]/.test(password) && /[2-9]/.test(password)) return password;
  }
}
