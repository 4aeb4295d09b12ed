import { startE2eStack, type E2eStack } from '@workpoints/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const committed = join(root, 'apps/web/src/api/openapi.d.ts');

/**
 * The web app's API types are generated from the OpenAPI document the running API serves.
 * This fails when they drift apart; `npm run api:types` writes them anew.
 */
describe('the web client types and the OpenAPI document', () => {
  let stack: E2eStack;
  let dir: string;

  beforeAll(async () => {
    stack = await startE2eStack({ apps: ['api'] });
    dir = mkdtempSync(join(tmpdir(), 'wp-openapi-'));
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('match: apps/web/src/api/openapi.d.ts is what openapi-typescript makes of /api/docs-json', async () => {
    const res = await fetch(`${stack.api.baseUrl}/docs-json`);
    expect(res.status).toBe(200);
    const document = join(dir, 'openapi.json');
    writeFileSync(document, await res.text());
    const generated = join(dir, 'openapi.d.ts');
    // A documented default (enabled: true, page: 1) leaves the field optional: the client may
    // leave it out, and the API fills it in.
    execFileSync(
      join(root, 'node_modules/.bin/openapi-typescript'),
      [document, '-o', generated, '--default-non-nullable=false'],
      { stdio: 'pipe' },
    );
    const fresh = readFileSync(generated, 'utf8');
    if (process.env['UPDATE_API_TYPES'] === '1') writeFileSync(committed, fresh);
    const current = readFileSync(committed, 'utf8');
    if (current !== fresh) {
      throw new Error(
        'apps/web/src/api/openapi.d.ts is out of date with the API: run `npm run api:types` and commit it',
      );
    }
    // The operations the web app depends on are documented (a rename breaks the build too).
    expect(fresh).toContain('"/api/me/todo"');
    expect(fresh).toContain('"/api/points/{pointId}/attachments"');
  });
});
