import { Tag } from 'antd';

/**
 * Tag colours dark enough for white text (WCAG AA, 4.5:1): Ant Design's preset tags put
 * mid-tone text on a pale ground, which falls short.
 */
export const TONES = {
  grey: '#595959',
  blue: '#0958d9',
  cyan: '#006d75',
  indigo: '#1d39c4',
  gold: '#874d00',
  orange: '#ad4e00',
  green: '#237804',
  red: '#a8071a',
  purple: '#531dab',
} as const;
export type Tone = keyof typeof TONES;

/** A solid tag in one of the AA tones. */
export function ToneTag({ tone, children }: { tone: Tone; children: React.ReactNode }) {
  return (
    <Tag color={TONES[tone]} variant="solid">
      {children}
    </Tag>
  );
}

const STATUS_TONES: Record<string, Tone> = {
  draft: 'grey',
  assigned: 'blue',
  acknowledged: 'cyan',
  in_progress: 'indigo',
  submitted: 'gold',
  head_approved: 'orange',
  completed: 'green',
  cancelled: 'grey',
};

/** The point's status in the API's words (statusLabel), coloured by stage. */
export function StatusTag({ status, label }: { status: string; label: string }) {
  return <ToneTag tone={STATUS_TONES[status] ?? 'grey'}>{label}</ToneTag>;
}

/** Traffic-light colours dark enough to read as text on white (WCAG AA). */
export const RISK_COLOURS: Record<string, string> = {
  green: '#237804',
  yellow: '#ad6800',
  red: '#cf1322',
};

/** A traffic light (红黄绿灯) with its label, so colour is never the only sign. */
export function RiskLight({ risk, label }: { risk: string; label: string }) {
  const colour = RISK_COLOURS[risk] ?? '#595959';
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
      {label}
    </span>
  );
}

/** "Nothing here" in a list, in a grey that still reads (Ant Design's is too pale for AA). */
export function EmptyText({ children }: { children: React.ReactNode }) {
  return <span style={{ color: '#595959' }}>{children}</span>;
}
