import { Col, Form, InputNumber, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PasteCard, UploadCard } from './ImportForms';
import { ImportProgress } from './ImportProgress';
import { ImportsTable } from './ImportsTable';

/**
 * The coordinator imports a plan: uploads a document or pastes its text, watches the
 * background parse, and opens the draft plan it produced. The import being watched is in
 * the address (?import=…), so a reload keeps watching it.
 */
export function ImportPage() {
  const { t } = useTranslation('coordinator');
  const [params, setParams] = useSearchParams();
  const [year, setYear] = useState<number | null>(null);
  const watching = params.get('import');
  const watch = (id: string | null) => setParams(id ? { import: id } : {}, { replace: false });

  return (
    <>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <div>
          <Typography.Title level={2} style={{ marginTop: 0, marginBottom: 4 }}>
            {t('imports.title')}
          </Typography.Title>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            {t('imports.intro')}
          </Typography.Paragraph>
        </div>
        {watching ? (
          <ImportProgress key={watching} importId={watching} onClose={() => watch(null)} />
        ) : (
          <>
            <Form layout="inline">
              <Form.Item
                label={t('imports.year')}
                htmlFor="import-year"
                style={{ marginInlineEnd: 8 }}
              >
                <InputNumber<number>
                  id="import-year"
                  min={2000}
                  max={2100}
                  precision={0}
                  value={year}
                  onChange={(v) => setYear(v)}
                  style={{ width: 120 }}
                />
              </Form.Item>
              <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
                {t('imports.yearHelp')}
              </Typography.Text>
            </Form>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={9}>
                <UploadCard year={year} onStarted={(v) => watch(v.id)} />
              </Col>
              <Col xs={24} lg={15}>
                <PasteCard year={year} onStarted={(v) => watch(v.id)} />
              </Col>
            </Row>
          </>
        )}
        <ImportsTable onWatch={(id) => watch(id)} />
      </Space>
    </>
  );
}
