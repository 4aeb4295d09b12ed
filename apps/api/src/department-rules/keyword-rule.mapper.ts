import type { KeywordRuleView } from '@workpoints/contracts';
import type { DepartmentKeywordRuleEntity } from '@workpoints/persistence';
import { iso } from '../common/wire';

export function toKeywordRuleView(rule: DepartmentKeywordRuleEntity): KeywordRuleView {
  return {
    id: rule.id,
    keyword: rule.keyword,
    departmentId: rule.departmentId,
    createdAt: iso(rule.createdAt),
  };
}
