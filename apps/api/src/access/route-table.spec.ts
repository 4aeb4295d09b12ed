import type { AccessEntry } from '@workpoints/domain';
import { policyProblems } from './route-table.service';

const entry = (route: string, extra: Partial<AccessEntry> = {}): AccessEntry => ({
  route,
  who: ['admin'],
  scope: 'office',
  access: 'read',
  ...extra,
});

describe('policyProblems (the start-up check of routes against the access policy)', () => {
  it('finds nothing when every route has its entry and every entry its route', () => {
    expect(
      policyProblems(
        [
          { route: 'GET /api/a', isPublic: false },
          { route: 'POST /api/login', isPublic: true },
        ],
        [
          entry('GET /api/a'),
          entry('POST /api/login', { who: 'public', scope: 'none' }),
          entry('ALL /api/admin/queues/{*path}', { mount: 'queue-board' }),
        ],
      ),
    ).toEqual([]);
  });

  it('names a route without an entry, an entry without a route, and a twice-written entry', () => {
    expect(
      policyProblems(
        [{ route: 'GET /api/new', isPublic: false }],
        [entry('GET /api/gone'), entry('GET /api/gone')],
      ),
    ).toEqual([
      'the entry GET /api/gone names no route: remove it, or correct its path',
      'GET /api/gone has two entries: keep one',
      'the entry GET /api/gone names no route: remove it, or correct its path',
      'GET /api/new has no entry: add one (who may call it, its scope, read or write) to ACCESS_POLICY',
    ]);
  });

  it('checks only that each served route has its entry when part of the API runs (medium tier)', () => {
    const policy = [entry('GET /api/a'), entry('GET /api/elsewhere')];
    expect(
      policyProblems([{ route: 'GET /api/a', isPublic: false }], policy, { partial: true }),
    ).toEqual([]);
    expect(
      policyProblems([{ route: 'GET /api/b', isPublic: false }], policy, { partial: true }),
    ).toEqual([
      'GET /api/b has no entry: add one (who may call it, its scope, read or write) to ACCESS_POLICY',
    ]);
  });

  it('holds @Public() and a public entry to each other, and a mount to outside Nest', () => {
    expect(
      policyProblems(
        [
          { route: 'GET /api/open', isPublic: true },
          { route: 'GET /api/closed', isPublic: false },
          { route: 'GET /api/docs', isPublic: false },
        ],
        [
          entry('GET /api/open'),
          entry('GET /api/closed', { who: 'public', scope: 'none' }),
          entry('GET /api/docs', { who: 'public', scope: 'none', mount: 'swagger' }),
        ],
      ),
    ).toEqual([
      'GET /api/open is @Public() but its entry is not: mark one or the other',
      'GET /api/closed has a public entry but needs a token (no @Public()): mark one or the other',
      'GET /api/docs is a Nest route, but its entry says it is mounted outside Nest',
    ]);
  });
});
