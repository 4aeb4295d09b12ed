import type { PointStatus, RiskColour } from '@workpoints/contracts';
import { Tag } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useLabels } from './labels';

/**
 * The app's one palette of tag tones. Each tone's dark colour keeps WCAG AA contrast (4.5:1) both
 * as text on its tint and under white text: Ant Design's preset tags put mid-tone text on a pale
 * ground, which falls short.
 */
const TONES = {
  grey: { dark: '#595959', tint: '#fafafa', border: '#d9d9d9' },
  blue: { dark: '#0958d9', tint: '#e6f4ff', border: '#91caff' },
  cyan: { dark: '#006d75', tint: '#e6fffb', border: '#87e8de' },
  indigo: { dark: '#1d39c4', tint: '#f0f5ff', border: '#adc6ff' },
  gold: { dark: '#874d00', tint: '#fffbe6', border: '#ffe58f' },
  orange: { dark: '#ad4e00', tint: '#fff7e6', border: '#ffd591' },
  green: { dark: '#237804', tint: '#f6ffed', border: '#b7eb8f' },
  red: { dark: '#a8071a', tint: '#fff1f0', border: '#ffa39e' },
  purple: { dark: '#531dab', tint: '#f9f0ff', border: '#d3adf7' },
} as const;
export type Tone = keyof typeof TONES;

/**
 * A tag in one of the tones: dark words on the tone's tint, or (`solid`) white words on its dark
 * colour, for what should stand out, such as a point's status.
 */
export function ToneTag({
  tone,
  solid = false,
  title,
  style,
  children,
}: {
  tone: Tone;
  solid?: boolean;
  title?: string;
  style?: CSSProperties;
  children: ReactNode;
}) {
  const { dark, tint, border } = TONES[tone];
  const colours = solid
    ? { color: '#fff', background: dark, borderColor: dark }
    : { color: dark, background: tint, borderColor: border };
  return (
    <Tag variant="outlined" title={title} style={{ ...colours, ...style }}>
      {children}
    </Tag>
  );
}

const STATUS_TONES: Record<PointStatus, Tone> = {
  draft: 'grey',
  assigned: 'blue',
  acknowledged: 'cyan',
  in_progress: 'indigo',
  submitted: 'gold',
  head_approved: 'orange',
  completed: 'green',
  cancelled: 'grey',
};

/** The point's status in the page's words, coloured by stage. */
export function StatusTag({ status }: { status: PointStatus }) {
  const labels = useLabels();
  return (
    <ToneTag tone={STATUS_TONES[status]} solid>
      {labels.status(status)}
    </ToneTag>
  );
}

/**
 * The traffic lights (红黄绿灯), one set for the whole app: dark enough to read as text on white
 * (WCAG AA, 4.5:1) and, as the dashboard's chart fills, to stand out from it.
 */
export const RISK_COLOURS: Record<RiskColour, string> = {
  green: '#237804',
  yellow: '#9e6200',
  red: '#cf1322',
};

/** A traffic light with its label, so colour is never the only sign. */
export function RiskLight({ risk }: { risk: RiskColour }) {
  const labels = useLabels();
  const colour = RISK_COLOURS[risk];
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, color: colour }}>
      <span
        aria-hidden
        style={{
          width: 10,
          height: 10,
          borderRadius: '50%',
          background: colour,
          display: 'inline-block',
        }}
      />
      {labels.risk(risk)}
    </span>
  );
}

/** "Nothing here" in a list, in a grey that still reads (Ant Design's is too pale for AA). */
export function EmptyText({ children }: { children: ReactNode }) {
  return <span style={{ color: '#595959' }}>{children}</span>;
}
