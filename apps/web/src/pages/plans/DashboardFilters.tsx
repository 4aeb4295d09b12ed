import { Button, Select, Space, Typography } from 'antd';
import { RISK_COLOURS as RISKS, type RiskColour } from '@workpoints/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/hooks';
import { useSession } from '../../auth/session';

export interface DashboardFilter {
  chapterId?: string;
  departmentId?: string;
  supervisorId?: string;
  risk?: RiskColour;
}

const KEYS = ['chapterId', 'departmentId', 'supervisorId', 'risk'] as const;

/** The dashboard's filters, kept in the address so a filtered view can be shared. */
export function useDashboardFilter(): [
  DashboardFilter,
  (change: Partial<DashboardFilter>) => void,
] {
  const [params, setParams] = useSearchParams();
  const filter: DashboardFilter = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (!value) continue;
    if (key === 'risk') {
      if ((RISKS as readonly string[]).includes(value)) filter.risk = value as RiskColour;
    } else filter[key] = value;
  }
  const change = (next: Partial<DashboardFilter>) => {
    const merged = { ...filter, ...next };
    const out = new URLSearchParams();
    for (const key of KEYS) {
      const value = merged[key];
      if (value) out.set(key, value);
    }
    setParams(out, { replace: true });
  };
  return [filter, change];
}

/** 章节 / 牵头单位 / 分管领导 / 红黄绿灯 pickers over the dashboard. */
export function DashboardFilters({
  planId,
  filter,
  onChange,
}: {
  planId: string;
  filter: DashboardFilter;
  onChange: (change: Partial<DashboardFilter>) => void;
}) {
  const { t } = useTranslation('admin');
  const { user, has } = useSession();
  const overseer = has('coordinator', 'admin', 'supervisor');
  const coordinator = has('coordinator', 'admin');
  const plan = useApi('get /api/plans/{planId}', { path: { planId } }, { staleTime: 300_000 });
  const departments = useApi('get /api/departments', undefined, {
    staleTime: 300_000,
    enabled: overseer,
  });
  const supervisors = useApi(
    'get /api/users',
    { query: { role: 'supervisor' } },
    { staleTime: 300_000, enabled: coordinator },
  );

  const chapters = (plan.data?.nodes ?? []).filter((n) => n.kind === 'chapter');
  const supervisorOptions = coordinator
    ? (supervisors.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))
    : has('supervisor')
      ? [{ value: user.userId, label: t('dashboard.filters.mine') }]
      : [];
  const empty = !filter.chapterId && !filter.departmentId && !filter.supervisorId && !filter.risk;

  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Select
        aria-label={t('dashboard.filters.chapter')}
        placeholder={t('dashboard.filters.allChapters')}
        allowClear
        style={{ width: 260 }}
        loading={plan.isPending}
        value={filter.chapterId}
        onChange={(v?: string) => onChange({ chapterId: v })}
        options={chapters.map((c) => ({
          value: c.id,
          label: [c.label, c.title].filter(Boolean).join(' '),
        }))}
        popupMatchSelectWidth={false}
      />
      {overseer ? (
        <Select
          aria-label={t('dashboard.filters.department')}
          placeholder={t('dashboard.filters.allDepartments')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 180 }}
          value={filter.departmentId}
          onChange={(v?: string) => onChange({ departmentId: v })}
          options={(departments.data ?? [])
            .filter((d) => d.kind === 'division')
            .map((d) => ({ value: d.id, label: d.name }))}
        />
      ) : (
        <Typography.Text type="secondary">{t('dashboard.filters.ownDepartment')}</Typography.Text>
      )}
      {supervisorOptions.length > 0 && (
        <Select
          aria-label={t('dashboard.filters.supervisor')}
          placeholder={t('dashboard.filters.allSupervisors')}
          allowClear
          style={{ width: 160 }}
          value={filter.supervisorId}
          onChange={(v?: string) => onChange({ supervisorId: v })}
          options={supervisorOptions}
        />
      )}
      <Select<RiskColour>
        aria-label={t('dashboard.filters.risk')}
        placeholder={t('dashboard.filters.allRisks')}
        allowClear
        style={{ width: 160 }}
        value={filter.risk}
        onChange={(v?: RiskColour) => onChange({ risk: v })}
        options={RISKS.map((r) => ({ value: r, label: t(`dashboard.risk.${r}`) }))}
      />
      <Button
        disabled={empty}
        onClick={() =>
          onChange({
            chapterId: undefined,
            departmentId: undefined,
            supervisorId: undefined,
            risk: undefined,
          })
        }
      >
        {t('dashboard.filters.reset')}
      </Button>
    </Space>
  );
}
