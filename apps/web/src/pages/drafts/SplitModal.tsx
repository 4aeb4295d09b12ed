import { Alert, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAction } from '../../api/hooks';
import type { DraftPoint, Plan } from './draft';

/** Sentences as the API splits them: each keeps its 。 */
export const sentencesOf = (text: string): string[] =>
  text
    .match(/[^。]+。?/g)
    ?.map((s) => s.trim())
    .filter(Boolean) ?? [];

interface Props {
  plan: Plan;
  point: DraftPoint;
  onClose: (createdId?: string) => void;
}

/** Splits a point: from the chosen sentence on, the text becomes a new point right after it. */
export function SplitModal({ plan, point, onClose }: Props) {
  const { t } = useTranslation('coordinator');
  const sentences = sentencesOf(point.text);
  const [at, setAt] = useState(2);
  const split = useAction(
    (atSentence: number) =>
      api('post /api/plans/{planId}/points/{pointId}/split', {
        path: { planId: plan.id, pointId: point.id },
        body: { atSentence },
      }),
    { done: t('draft.split.done'), onSuccess: (result) => onClose(result[1]?.id) },
  );

  return (
    <Modal
      open
      title={t('draft.split.title', { number: point.number })}
      okText={t('draft.split.ok')}
      okButtonProps={{ disabled: sentences.length < 2, loading: split.isPending }}
      onOk={() => split.mutate(at)}
      onCancel={() => onClose()}
      width={640}
      destroyOnHidden
    >
      {sentences.length < 2 ? (
        <Alert type="info" showIcon title={t('draft.split.tooShort')} />
      ) : (
        <>
          <Typography.Paragraph>{t('draft.split.hint')}</Typography.Paragraph>
          <ol style={{ paddingInlineStart: 20, maxHeight: 360, overflow: 'auto' }}>
            {sentences.map((s, i) => (
              <li
                key={i}
                style={{ marginBottom: 6, background: i + 1 >= at ? '#fff7e6' : undefined }}
              >
                {i === 0 ? (
                  s
                ) : (
                  <Radio checked={at === i + 1} onChange={() => setAt(i + 1)}>
                    {s}
                  </Radio>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </Modal>
  );
}
