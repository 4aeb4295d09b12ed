import type { DataSource } from 'typeorm';
import { DepartmentEntity } from '../entities/department.entity';
import { DepartmentKeywordRuleEntity } from '../entities/department-keyword-rule.entity';

/** Starting keyword rules for the demo divisions; the coordinator edits them in the API. */
export const DEFAULT_KEYWORD_RULES: Record<string, string[]> = {
  bgs: ['督办', '宣传', '信息报送', '政务'],
  tfc: ['立法', '条例', '法规', '规章', '法治', '行政裁决'],
  zlglc: ['专利', '发明', '审查'],
  sbppc: ['商标', '品牌', '地理标志'],
  yycjc: ['运用', '转化', '质押', '融资', '运营', '产业'],
  bhc: ['保护', '执法', '维权', '侵权', '打击'],
  ggfwc: ['公共服务', '信息服务', '服务网点', '数据库'],
  rsc: ['人才', '培训', '队伍'],
  ghcwc: ['资金', '经费', '财务', '预算'],
  jgdw: ['党建', '党风廉政', '机关党'],
};

/**
 * Adds the default keyword rules for the departments that exist, only while there are no rules
 * at all (rules the coordinator deleted are not brought back). Returns how many were added.
 */
export async function seedDefaultKeywordRules(ds: DataSource): Promise<number> {
  return ds.transaction(async (tx) => {
    await tx.query('LOCK TABLE department_keyword_rules IN EXCLUSIVE MODE');
    if ((await tx.count(DepartmentKeywordRuleEntity)) > 0) return 0;
    const departments = await tx.find(DepartmentEntity);
    const rows = departments.flatMap((d) =>
      (DEFAULT_KEYWORD_RULES[d.code] ?? []).map((keyword) => ({ keyword, departmentId: d.id })),
    );
    if (rows.length > 0) await tx.insert(DepartmentKeywordRuleEntity, rows);
    return rows.length;
  });
}
