/** A department suggested for an imported point, with the reason it was suggested. */
export interface DepartmentSuggestion {
  departmentId: string;
  departmentName: string;
  /** Why, in words the coordinator reads: 文中写明牵头单位“保护处” / 关键词“商标”. */
  reason: string;
}

/** Suggested lead and co-departments of an imported point (libs/domain `suggestDepartments`). */
export interface DepartmentSuggestions {
  lead: DepartmentSuggestion | null;
  co: DepartmentSuggestion[];
}
