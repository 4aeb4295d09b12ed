/** One dependency's health: `up`, or `down` with what went wrong. */
export interface HealthIndicatorView {
  status: 'up' | 'degraded' | 'down';
  [detail: string]: unknown;
}

/** Whether the API reaches its database, Redis and Temporal (Nest Terminus' answer). */
export interface HealthView {
  status: 'ok' | 'degraded' | 'error' | 'shutting_down';
  info?: Partial<Record<string, HealthIndicatorView>>;
  error?: Partial<Record<string, HealthIndicatorView>>;
  details: Record<string, HealthIndicatorView>;
}
