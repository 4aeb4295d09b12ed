import { ConfigProvider, Tag as AntTag, type ThemeConfig } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/**
 * Ant Design's defaults that fall short of WCAG AA contrast on white (links #1677ff, secondary
 * and placeholder grey, the danger red #ff4d4f), darkened for these pages. Nested in
 * the app's theme, so the red accent stays.
 */
const theme: ThemeConfig = {
  token: {
    colorLink: '#0958d9',
    colorError: '#cf1322',
    colorLinkHover: '#1677ff',
    colorLinkActive: '#003eb3',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
  },
};

export function PageTheme({ children }: { children: ReactNode }) {
  return <ConfigProvider theme={theme}>{children}</ConfigProvider>;
}

/** A table's "nothing here" in readable grey (antd's own placeholder grey is too light). */
export function EmptyText({ children }: { children: ReactNode }) {
  return <span style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{children}</span>;
}

/** Tag tones whose text keeps AA contrast on their tint (antd's green, orange and gold do not). */
const TONES = {
  green: { color: '#237804', background: '#f6ffed', borderColor: '#b7eb8f' },
  orange: { color: '#ad4e00', background: '#fff7e6', borderColor: '#ffd591' },
  gold: { color: '#874d00', background: '#fffbe6', borderColor: '#ffe58f' },
  red: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  blue: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  purple: { color: '#391085', background: '#f9f0ff', borderColor: '#d3adf7' },
  default: { color: '#262626', background: '#fafafa', borderColor: '#d9d9d9' },
} as const;

export type Tone = keyof typeof TONES;

/** A small coloured label, like antd's Tag with a preset colour. */
export function Tag({
  color = 'default',
  style,
  children,
}: {
  color?: Tone;
  style?: CSSProperties;
  children: ReactNode;
}) {
  return (
    <AntTag variant="outlined" style={{ ...TONES[color], ...style }}>
      {children}
    </AntTag>
  );
}
