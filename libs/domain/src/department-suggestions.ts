import type { DepartmentSuggestion, DepartmentSuggestions } from '@workpoints/contracts';

/**
 * Suggested lead and co-departments for an imported point, each with the reason it was made:
 * first what the text states (牵头单位：…, X负责, units it names that are departments of the
 * organisation), then the office's editable keyword rules (商标 → 商标品牌处).
 */

// A draft point's answer carries its suggestions, so their shape lives in the contracts.
export type { DepartmentSuggestion, DepartmentSuggestions };

export interface SuggestionDepartment {
  id: string;
  name: string;
}

export interface KeywordRule {
  keyword: string;
  departmentId: string;
}

export interface SuggestionInput {
  text: string;
  leadUnits: string[];
  coUnits: string[];
  mentionedUnits: string[];
}

/** The department a unit name refers to: exact name, or one containing the other (保护处 / 市局保护处). */
function match(
  unit: string,
  departments: SuggestionDepartment[],
): SuggestionDepartment | undefined {
  const u = unit.trim();
  if (!u) return undefined;
  return (
    departments.find((d) => d.name === u) ??
    departments.find(
      (d) => u.endsWith(d.name) || (d.name.length >= 3 && d.name.endsWith(u) && u.length >= 2),
    )
  );
}

export function suggestDepartments(
  input: SuggestionInput,
  departments: SuggestionDepartment[],
  rules: KeywordRule[],
): DepartmentSuggestions {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const chosen = new Map<string, DepartmentSuggestion>();
  const suggest = (d: SuggestionDepartment, reason: string) => {
    if (!chosen.has(d.id)) chosen.set(d.id, { departmentId: d.id, departmentName: d.name, reason });
    return chosen.get(d.id) as DepartmentSuggestion;
  };

  let lead: DepartmentSuggestion | null = null;
  for (const unit of input.leadUnits) {
    const d = match(unit, departments);
    if (d) {
      lead ??= suggest(d, `文中写明牵头单位“${unit}”`);
    }
  }
  const co: DepartmentSuggestion[] = [];
  for (const unit of input.coUnits) {
    const d = match(unit, departments);
    if (d && d.id !== lead?.departmentId) co.push(suggest(d, `文中写明配合单位“${unit}”`));
  }
  for (const unit of input.mentionedUnits) {
    const d = match(unit, departments);
    if (d && !chosen.has(d.id)) {
      const s = suggest(d, `文中提到“${unit}”`);
      if (lead === null) lead = s;
      else co.push(s);
    }
  }
  // Keyword rules, counted by occurrences: the most-mentioned subject suggests the lead.
  const hits = rules
    .map((r) => ({ rule: r, count: r.keyword ? input.text.split(r.keyword).length - 1 : 0 }))
    .filter((h) => h.count > 0 && byId.has(h.rule.departmentId))
    .sort((a, b) => b.count - a.count || b.rule.keyword.length - a.rule.keyword.length);
  for (const { rule } of hits) {
    const d = byId.get(rule.departmentId) as SuggestionDepartment;
    if (chosen.has(d.id)) continue;
    const s = suggest(d, `关键词“${rule.keyword}”`);
    if (lead === null) lead = s;
    else co.push(s);
  }
  return { lead, co };
}
