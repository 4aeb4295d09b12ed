import { ACCESS_POLICY } from '@workpoints/domain';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { POLICY_TABLE_END, POLICY_TABLE_START, policyMarkdown } from './policy-table';

const README = join(__dirname, '..', '..', '..', '..', 'README.md');

/**
 * The README's access table is the policy's, never a hand-kept copy: this fails when they
 * differ. `UPDATE_README=1 npx jest -c apps/api/jest.config.js policy-table` rewrites it.
 */
describe('the README’s access policy table', () => {
  it('is generated from ACCESS_POLICY', () => {
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(POLICY_TABLE_START);
    const end = readme.indexOf(POLICY_TABLE_END);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const table = `\n${policyMarkdown(ACCESS_POLICY)}\n`;
    const current = readme.slice(start + POLICY_TABLE_START.length, end);
    if (process.env['UPDATE_README'] === '1' && current !== table)
      writeFileSync(
        README,
        `${readme.slice(0, start + POLICY_TABLE_START.length)}${table}${readme.slice(end)}`,
      );
    else expect(current).toBe(table);
  });
});
