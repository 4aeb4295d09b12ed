import { DEFAULT_POLICY } from '@workpoints/contracts';
import {
  cancelProblems,
  changeDeadlineProblems,
  changePolicyProblems,
  contributeProblems,
  decideExtensionProblems,
  reassignProblems,
  reportProblems,
  requestExtensionProblems,
  resumeProblems,
  returnProblems,
  submitProblems,
  suspendProblems,
} from './action-problems';
import { assignmentProblems } from './assignment';

const facts = { today: '2026-09-15', deadline: '2026-09-30' };

describe('argument checks of the actions on a point', () => {
  it('wants a report with text, a whole percentage and actuals that name targets', () => {
    expect(reportProblems({ text: '已完成调研', percent: 40 })).toEqual([]);
    expect(reportProblems({ text: '已完成调研', percent: null, actuals: [] })).toEqual([]);
    expect(reportProblems({ text: ' ', percent: 101 })).toEqual([
      '进展内容不能为空',
      '完成百分比应为 0 到 100 的整数',
    ]);
    expect(reportProblems({ text: 'x', percent: 12.5 })).toEqual([
      '完成百分比应为 0 到 100 的整数',
    ]);
    // the workflow holds no targets: only the shape; the API knows how many there are
    expect(
      reportProblems({ text: 'x', percent: null, actuals: [{ target: -1, value: 3 }] }),
    ).toEqual(['实际值有误：第 1 个实际值的目标序号应为从 0 起的整数：-1']);
    expect(
      reportProblems({ text: 'x', percent: null, actuals: [{ target: 2, value: 1 }] }, 2),
    ).toEqual([
      '实际值有误：第 1 个实际值的目标序号 2 超出范围：该要点共有 2 项目标（序号 0 到 1）',
    ]);
  });

  it('wants text for a submission, a comment for a return and content for a contribution', () => {
    expect(submitProblems({ text: '已办结' })).toEqual([]);
    expect(submitProblems({ text: '' })).toEqual(['办结情况说明不能为空']);
    expect(returnProblems({ comment: '请补充佐证材料' })).toEqual([]);
    expect(returnProblems({ comment: '  ' })).toEqual(['退回时必须填写意见']);
    expect(returnProblems({})).toEqual(['退回时必须填写意见']);
    expect(contributeProblems({ text: null })).toEqual(['配合材料内容不能为空']);
  });

  it('wants an extension to a real later date, from today on, with a reason', () => {
    expect(requestExtensionProblems({ deadline: '2026-10-31', reason: '需协调' }, facts)).toEqual(
      [],
    );
    expect(requestExtensionProblems({ deadline: '2026-02-30', reason: '' }, facts)).toEqual([
      '申请延期至应为 YYYY-MM-DD 格式的真实日期：2026-02-30',
      '申请延期须说明理由',
    ]);
    expect(requestExtensionProblems({ deadline: '2026-09-30', reason: '需协调' }, facts)).toEqual([
      '申请延期至（2026-09-30）应晚于当前时限（2026-09-30）',
    ]);
    expect(requestExtensionProblems({ deadline: '2026-09-14', reason: '需协调' }, facts)).toEqual([
      '申请延期至不能早于今天（2026-09-15）：2026-09-14',
      '申请延期至（2026-09-14）应晚于当前时限（2026-09-30）',
    ]);
  });

  it('wants a decision: approved to a later date (the one asked for by default), or refused with a reason', () => {
    const pending = { ...facts, requested: '2026-10-31' };
    expect(decideExtensionProblems({ approve: true }, pending)).toEqual([]);
    expect(decideExtensionProblems({ approve: true, deadline: '2026-10-15' }, pending)).toEqual([]);
    expect(decideExtensionProblems({ approve: true, deadline: '2026-09-20' }, pending)).toEqual([
      '延期后的时限（2026-09-20）应晚于当前时限（2026-09-30）',
    ]);
    expect(decideExtensionProblems({ approve: false, comment: '时限不宜再延' }, pending)).toEqual(
      [],
    );
    expect(decideExtensionProblems({ approve: false }, pending)).toEqual([
      '不同意延期时必须填写意见',
    ]);
    expect(decideExtensionProblems({ approve: 'yes' }, pending)).toEqual([
      '请选择同意或不同意延期',
    ]);
  });

  it('wants the coordinator to say why a point is suspended, cancelled or given a new deadline', () => {
    expect(suspendProblems({ reason: '机构调整' })).toEqual([]);
    expect(suspendProblems({ reason: null })).toEqual(['暂停须说明理由']);
    expect(cancelProblems({ reason: '' })).toEqual(['取消须说明理由']);
    expect(resumeProblems({ reason: null })).toEqual([]);
    expect(resumeProblems({ reason: 3 })).toEqual(['恢复的说明应为文字']);
    expect(changeDeadlineProblems({ deadline: '2026-09-20', reason: '调整' }, facts)).toEqual([]);
    expect(changeDeadlineProblems({ deadline: '2026-09-01' }, facts)).toEqual([
      '新的完成时限不能早于今天（2026-09-15）：2026-09-01',
      '调整完成时限须说明理由',
    ]);
  });

  it('checks a change of policy on its own and merged into the current one', () => {
    expect(changePolicyProblems({ policy: { reportDay: 20 } }, DEFAULT_POLICY)).toEqual([]);
    expect(changePolicyProblems({ policy: {} }, DEFAULT_POLICY)).toEqual([
      '请至少给出一项要修改的督办规则',
    ]);
    expect(changePolicyProblems({ policy: { reportDay: 40 } }, DEFAULT_POLICY)).toEqual([
      '督办规则有误：报送日应为 1 到 31 之间的整数',
    ]);
    // valid alone, not once merged: a single report needs its date
    expect(changePolicyProblems({ policy: { reportCadence: 'once' } }, DEFAULT_POLICY)).toEqual([
      '督办规则有误：报送周期为 once 时须给出 reportOnceDate',
    ]);
  });

  it('checks an assignment the same way for a draft, a publication and a re-assignment', () => {
    const lead = 'lead-id';
    expect(
      reassignProblems({ leadDepartmentId: lead, coDepartmentIds: [], supervisorId: 's' }),
    ).toEqual([]);
    expect(reassignProblems({ leadDepartmentId: '', supervisorId: null })).toEqual([
      '缺少牵头单位',
      '缺少分管领导',
      '配合单位应为单位编号列表',
    ]);
    expect(
      reassignProblems({ leadDepartmentId: lead, coDepartmentIds: [lead], supervisorId: 's' }),
    ).toEqual(['牵头单位不能同时是配合单位']);
    // a draft may still lack its lead and supervisor, and may leave co-departments as they are
    expect(
      assignmentProblems({ leadDepartmentId: null, supervisorId: null }, { draft: true }),
    ).toEqual([]);
    expect(
      assignmentProblems(
        { leadDepartmentId: lead, supervisorId: null, coDepartmentIds: ['x', lead] },
        { draft: true },
      ),
    ).toEqual(['牵头单位不能同时是配合单位']);
  });
});
