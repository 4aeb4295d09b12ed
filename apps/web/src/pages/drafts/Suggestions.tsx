import { BulbOutlined } from '@ant-design/icons';
import { Button, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type DraftPoint, type Plan, toTargets } from './draft';
import { ToneTag } from '../../components/PointTags';

interface Props {
  point: DraftPoint;
  plan: Plan;
  editable: boolean;
  busy: boolean;
  onAccept: () => void;
}

/** What the parser suggested for a point: departments (with reasons), the deadline as written, targets. */
export function Suggestions({ point, editable, busy, onAccept }: Props) {
  const { t } = useTranslation('coordinator');
  const s = point.suggestions;
  const targets = toTargets(point.targets);
  const hasDepartments = !!s && (s.lead !== null || s.co.length > 0);
  const row = {
    display: 'flex',
    gap: 6,
    alignItems: 'baseline',
    flexWrap: 'wrap',
    marginTop: 4,
  } as const;

  return (
    <section
      aria-label={t('draft.suggestion.title')}
      style={{
        background: '#f6f8fb',
        border: '1px solid #e6ebf2',
        borderRadius: 6,
        padding: '8px 10px',
        marginBottom: 12,
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
        <BulbOutlined aria-hidden style={{ color: '#ad6800' }} />
        <Typography.Text strong style={{ flex: 1 }}>
          {t('draft.suggestion.title')}
        </Typography.Text>
        {editable && (
          <Button
            size="small"
            type="primary"
            ghost
            disabled={!hasDepartments}
            loading={busy}
            onClick={onAccept}
          >
            {t('draft.suggestion.accept')}
          </Button>
        )}
      </div>
      <div style={row}>
        <Typography.Text>
          {t('draft.suggestion.lead')}
          {t('draft.suggestion.colon')}
        </Typography.Text>
        {s?.lead ? (
          <Tooltip title={t('draft.suggestion.reason', { reason: s.lead.reason })}>
            <ToneTag tone="blue">{s.lead.departmentName}</ToneTag>
          </Tooltip>
        ) : (
          <Typography.Text>{t('draft.suggestion.none')}</Typography.Text>
        )}
        {s?.lead && (
          <Typography.Text style={{ fontSize: 12, color: '#595959' }}>
            {s.lead.reason}
          </Typography.Text>
        )}
      </div>
      <div style={row}>
        <Typography.Text>
          {t('draft.suggestion.co')}
          {t('draft.suggestion.colon')}
        </Typography.Text>
        {s && s.co.length > 0 ? (
          s.co.map((c) => (
            <Tooltip
              key={c.departmentId}
              title={t('draft.suggestion.reason', { reason: c.reason })}
            >
              <Tag>{c.departmentName}</Tag>
            </Tooltip>
          ))
        ) : (
          <Typography.Text>{t('draft.suggestion.none')}</Typography.Text>
        )}
      </div>
      <div style={row}>
        <Typography.Text>
          {t('draft.suggestion.deadline')}
          {t('draft.suggestion.colon')}
        </Typography.Text>
        {point.deadlineText ? (
          <Typography.Text>
            “{point.deadlineText}” → {point.deadline ?? t('draft.suggestion.noDate')}
          </Typography.Text>
        ) : (
          <Typography.Text>{t('draft.suggestion.none')}</Typography.Text>
        )}
      </div>
      {targets.length > 0 && (
        <div style={row}>
          <Typography.Text>
            {t('draft.point.targets')}
            {t('draft.suggestion.colon')}
          </Typography.Text>
          {targets.map((x, i) => (
            <ToneTag key={i} tone="gold">
              {x.text}
            </ToneTag>
          ))}
        </div>
      )}
    </section>
  );
}
