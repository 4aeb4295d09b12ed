import { ConfigProvider, Tag } from 'antd';
import type { ReactNode } from 'react';

/**
 * Colours that meet WCAG AA on white and on the light fills of tags and alerts: antd's default
 * link blue (#1677ff), error red and grey descriptions fall short of 4.5:1.
 */
export const ACCESSIBLE_TOKENS = {
  colorLink: '#0958d9',
  colorLinkHover: '#1677ff',
  colorError: '#cf1322',
  colorErrorBg: '#fff2f0',
  colorErrorBorder: '#ffccc7',
  colorTextDescription: '#595959',
  colorTextPlaceholder: '#757575',
};

export function AccessibleTheme({ children }: { children: ReactNode }) {
  // Buttons keep their words as written (保存, not 保 存), so tests and screen readers read them alike.
  return (
    <ConfigProvider theme={{ token: ACCESSIBLE_TOKENS }} button={{ autoInsertSpace: false }}>
      {children}
    </ConfigProvider>
  );
}

const TONES = {
  green: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  red: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  orange: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  blue: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  gold: { color: '#613400', background: '#fffbe6', borderColor: '#ffe58f' },
  grey: { color: '#262626', background: '#fafafa', borderColor: '#d9d9d9' },
} as const;
export type Tone = keyof typeof TONES;

/** A tag whose text keeps a 4.5:1 contrast with its fill. */
export function ToneTag({
  tone,
  children,
  title,
}: {
  tone: Tone;
  children: ReactNode;
  title?: string;
}) {
  return (
    <Tag variant="outlined" style={{ ...TONES[tone], marginInlineEnd: 4 }} title={title}>
      {children}
    </Tag>
  );
}
