import { ROLE_LABELS } from '@workpoints/domain';
import type { Role } from '@workpoints/contracts';
import type { DemoAccount } from '@workpoints/persistence';

/** A connection URL safe to print: the password is replaced by ***. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
  }
}

/** Columns a string takes in a terminal: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** A plain-text table, columns aligned for CJK text too. */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string[] {
  const widths = headers.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => padDisplay(c, widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

export function roleLabel(role: string): string {
  return ROLE_LABELS[role as Role] ?? role;
}

/** The demo accounts as printed once, when they are created. */
export function formatDemoAccounts(accounts: readonly DemoAccount[], password: string): string[] {
  return [
    `Demo accounts (演示账号), all with the password  ${password}`,
    '',
    ...formatTable(
      ['username 用户名', 'name 姓名', 'roles 角色', 'department 处室'],
      accounts.map((a) => [
        a.username,
        a.displayName,
        a.roles.map(roleLabel).join('、'),
        a.departmentName,
      ]),
    ).map((l) => `  ${l}`),
    '',
    'The password is shown only now and is not stored anywhere: note it down.',
  ];
}

export interface ReadyInfo {
  apiUrl: string;
  temporalUi: string;
  dataDir: string | undefined;
  /** True when the demo accounts were created (and listed) in this run. */
  demoAccountsListed: boolean;
  readmeSection: string;
}

export function formatReadyBanner(info: ReadyInfo): string[] {
  const rows: [string, string][] = [
    ['API', info.apiUrl],
    ['OpenAPI', `${info.apiUrl}/docs`],
    ['Temporal UI', info.temporalUi],
  ];
  if (info.dataDir) rows.push(['Data', info.dataDir]);
  if (info.demoAccountsListed)
    rows.push(['Sign in', 'with a demo account listed above, e.g. coordinator (督办员)']);
  return [
    'workpoints is running. Ctrl-C stops everything.',
    '',
    ...rows.map(([k, v]) => `  ${k.padEnd(12)} ${v}`),
    '',
    `Next: ${info.readmeSection}`,
  ];
}

const COLOURS = [36, 35, 33, 32, 34, 91, 96, 95];

/**
 * Writes each process's lines under its name, e.g. `worker   | Worker state RUNNING`, so
 * the interleaved output of several processes stays readable.
 */
export class PrefixedOutput {
  private readonly width: number;
  private readonly colours = new Map<string, number>();

  constructor(
    names: readonly string[],
    private readonly colour: boolean,
    private readonly write: (text: string) => void = (t) => process.stdout.write(t),
  ) {
    this.width = Math.max(...names.map((n) => n.length));
    names.forEach((n, i) => this.colours.set(n, COLOURS[i % COLOURS.length] ?? 37));
  }

  logger(name: string): (line: string) => void {
    return (line) => this.write(`${this.prefix(name)}${line}\n`);
  }

  /** Lines without a prefix, for the banner. */
  block(lines: readonly string[]): void {
    this.write(`\n${lines.join('\n')}\n\n`);
  }

  prefix(name: string): string {
    const label = `${name.padEnd(this.width)} | `;
    return this.colour ? `\x1b[${this.colours.get(name) ?? 37}m${label}\x1b[0m` : label;
  }
}
