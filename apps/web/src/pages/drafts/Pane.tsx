import { Typography } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  title: ReactNode;
  /** Controls beside the title (they stay put while the body scrolls). */
  extra?: ReactNode;
  /** A bar under the body that stays visible (the save button of a form). */
  footer?: ReactNode;
  label: string;
  children: ReactNode;
}

/** One column of the review: a fixed header and a body that scrolls on its own. */
export function Pane({ title, extra, footer, label, children }: Props) {
  return (
    <section
      aria-label={label}
      style={{
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
        minWidth: 0,
        background: '#fff',
        border: '1px solid #f0f0f0',
        borderRadius: 6,
      }}
    >
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          padding: '8px 12px',
          borderBottom: '1px solid #f0f0f0',
          minHeight: 44,
        }}
      >
        {typeof title === 'string' ? (
          <Typography.Title
            level={3}
            style={{ fontSize: 15, margin: 0, flex: 1, minWidth: 0 }}
            ellipsis
          >
            {title}
          </Typography.Title>
        ) : (
          <div style={{ flex: 1, minWidth: 0 }}>{title}</div>
        )}
        {extra}
      </div>
      <div
        tabIndex={0}
        data-pane-body
        style={{ flex: 1, minHeight: 0, overflow: 'auto', padding: 12, position: 'relative' }}
      >
        {children}
      </div>
      {footer && (
        <div style={{ padding: '8px 12px', borderTop: '1px solid #f0f0f0', background: '#fafafa' }}>
          {footer}
        </div>
      )}
    </section>
  );
}
