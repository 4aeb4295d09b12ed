import { publicationProblems } from './publication';

describe('publicationProblems', () => {
  const ready = { leadDepartmentId: 'd', supervisorId: 's', deadline: '2026-12-31' };

  it('is empty for an assigned point with a deadline ahead', () => {
    expect(publicationProblems(ready, '2026-11-21')).toEqual([]);
    expect(publicationProblems(ready, '2026-12-31')).toEqual([]);
  });

  it('names everything a point lacks', () => {
    expect(
      publicationProblems(
        { leadDepartmentId: null, supervisorId: null, deadline: null },
        '2026-11-21',
      ),
    ).toEqual(['缺少牵头单位', '缺少分管领导', '缺少完成时限']);
    expect(publicationProblems({ ...ready, deadline: '2026-01-31' }, '2026-11-21')).toEqual([
      '完成时限 2026-01-31 早于今天 2026-11-21',
    ]);
  });
});
