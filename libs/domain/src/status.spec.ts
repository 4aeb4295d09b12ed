import { POINT_STATUSES } from '@workpoints/contracts';
import {
  CLOSED_STATUSES,
  OPEN_STATUSES,
  PUBLISHED_STATUSES,
  isClosedStatus,
  isOpenStatus,
} from './status';

describe('open and closed statuses', () => {
  it('split every status but draft into exactly one of open and closed', () => {
    for (const status of POINT_STATUSES) {
      const kinds = [isOpenStatus(status), isClosedStatus(status)].filter(Boolean).length;
      expect([status, kinds]).toEqual([status, status === 'draft' ? 0 : 1]);
    }
    expect(OPEN_STATUSES.length + CLOSED_STATUSES.length).toBe(POINT_STATUSES.length - 1);
  });

  it('count completed and cancelled as closed, submitted as open', () => {
    expect(isClosedStatus('completed')).toBe(true);
    expect(isClosedStatus('cancelled')).toBe(true);
    expect(isOpenStatus('submitted')).toBe(true);
    expect(isOpenStatus('draft')).toBe(false);
  });

  it('count every status but draft as published', () => {
    expect([...PUBLISHED_STATUSES].sort()).toEqual(
      POINT_STATUSES.filter((s) => s !== 'draft').sort(),
    );
  });
});
