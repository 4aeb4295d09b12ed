import { TIMELINE_LABELS, timelineLabel, timelineLabelKey } from './labels';

describe('timeline labels', () => {
  it('a sign-off says which level approved or returned', () => {
    expect(timelineLabelKey('approve', 'submitted')).toBe('approve-head');
    expect(timelineLabelKey('approve', 'head_approved')).toBe('approve-supervisor');
    expect(timelineLabelKey('return', 'head_approved')).toBe('return-supervisor');
    expect(timelineLabel('approve', 'head_approved')).toBe('分管领导审核通过，办结');
    expect(timelineLabel('return', 'submitted')).toBe('处室负责人退回');
  });

  it('an extension decision says whether it was granted, from the row’s changes', () => {
    const decided = (decision: string) => ({ changes: { extension: { decision } } });
    expect(timelineLabelKey('decide-extension', 'in_progress', decided('approved'))).toBe(
      'extension-approved',
    );
    expect(timelineLabel('decide-extension', 'in_progress', decided('rejected'))).toBe(
      '不同意延期',
    );
    expect(timelineLabel('decide-extension', 'in_progress', null)).toBe('审批延期');
  });

  it('other events are their own key; an unknown one shows as it is', () => {
    expect(timelineLabelKey('urge', null)).toBe('urge');
    expect(TIMELINE_LABELS['plan_assigned']).toBe('调整交办');
    expect(timelineLabelKey('something_else', null)).toBeNull();
    expect(timelineLabel('something_else', null)).toBe('something_else');
  });
});
