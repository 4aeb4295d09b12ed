import { type AccessEntry, type AccessScope, audienceLabel } from '@workpoints/domain';

const SCOPE_LABELS: Record<AccessScope, string> = {
  none: 'none',
  office: 'office 全局',
  remit: 'remit 职责范围',
  lead: 'lead 牵头单位',
  co: 'co 配合单位',
  party: 'lead or co 承办单位',
  signer: 'signer 审核人',
  supervisor: 'supervisor 分管领导',
  self: 'self 本人',
};

/** The markers between which the README holds the table (regenerated, never edited by hand). */
export const POLICY_TABLE_START = '<!-- access-policy:start (generated from ACCESS_POLICY) -->';
export const POLICY_TABLE_END = '<!-- access-policy:end -->';

/** The access policy as a Markdown table: what the README shows, generated from the entries. */
export function policyMarkdown(policy: readonly AccessEntry[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const rows = policy.map(
    (e) =>
      `| \`${cell(e.route)}\` | ${cell(audienceLabel(e.who))} | ${SCOPE_LABELS[e.scope]} | ${e.access} | ${cell(e.note ?? (e.mount ? `mounted outside Nest (${e.mount})` : ''))} |`,
  );
  return ['| route | who | scope | access | note |', '|---|---|---|---|---|', ...rows].join('\n');
}
