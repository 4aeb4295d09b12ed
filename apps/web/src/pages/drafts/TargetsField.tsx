import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const COMPARATORS = ['>=', '>', '=', '<=', '<', '~', 'range'] as const;

/** The point's quantitative targets (目标), editable as a list inside the point's form. */
export function TargetsField() {
  const { t } = useTranslation('coordinator');
  return (
    <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
      <legend style={{ fontSize: 14, marginBottom: 4, border: 0 }}>
        <Typography.Text>{t('draft.point.targets')}</Typography.Text>
      </legend>
      <Form.List name="targets">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <div
                key={field.key}
                style={{
                  border: '1px dashed #d9d9d9',
                  borderRadius: 4,
                  padding: 8,
                  marginBottom: 8,
                }}
              >
                <Form.Item
                  name={[field.name, 'text']}
                  rules={[{ required: true, whitespace: true }]}
                  style={{ marginBottom: 6 }}
                >
                  <Input
                    aria-label={`${t('draft.point.targetText')} ${i + 1}`}
                    placeholder={t('draft.point.targetText')}
                  />
                </Form.Item>
                <div style={{ display: 'flex', gap: 6, alignItems: 'flex-start' }}>
                  <Form.Item
                    name={[field.name, 'comparator']}
                    style={{ marginBottom: 0, width: 96 }}
                  >
                    <Select
                      aria-label={`${t('draft.point.comparator')} ${i + 1}`}
                      options={COMPARATORS.map((c) => ({
                        value: c,
                        label: t(`draft.comparator.${c}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'value']}
                    rules={[{ required: true }]}
                    style={{ marginBottom: 0, flex: 1 }}
                  >
                    <InputNumber
                      aria-label={`${t('draft.point.value')} ${i + 1}`}
                      placeholder={t('draft.point.value')}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {({ getFieldValue }) =>
                      getFieldValue(['targets', field.name, 'comparator']) === 'range' ? (
                        <Form.Item
                          name={[field.name, 'valueMax']}
                          style={{ marginBottom: 0, flex: 1 }}
                        >
                          <InputNumber
                            aria-label={`${t('draft.point.valueMax')} ${i + 1}`}
                            placeholder={t('draft.point.valueMax')}
                            style={{ width: '100%' }}
                          />
                        </Form.Item>
                      ) : null
                    }
                  </Form.Item>
                  <Form.Item name={[field.name, 'unit']} style={{ marginBottom: 0, width: 64 }}>
                    <Input
                      aria-label={`${t('draft.point.unit')} ${i + 1}`}
                      placeholder={t('draft.point.unit')}
                      maxLength={20}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={`${t('draft.point.removeTarget')} ${i + 1}`}
                    onClick={() => remove(field.name)}
                  />
                </div>
              </div>
            ))}
            <Button
              type="dashed"
              size="small"
              icon={<PlusOutlined />}
              onClick={() => add({ text: '', value: 0, unit: '', comparator: '>=' })}
            >
              {t('draft.point.addTarget')}
            </Button>
          </>
        )}
      </Form.List>
    </fieldset>
  );
}
