import type { ImportInfo } from './draft';

export type Stage = 'queued' | 'reading' | 'parsing' | 'building' | 'succeeded' | 'failed';

/**
 * Where an import is, from its status and the progress the import job reports:
 * 5 once it starts reading, 40 once the text is extracted, 70 once parsed, 100 when written.
 */
export function stageOf(i: Pick<ImportInfo, 'status' | 'progress'>): Stage {
  if (i.status === 'succeeded') return 'succeeded';
  if (i.status === 'failed') return 'failed';
  if (i.status === 'queued') return 'queued';
  if (i.progress >= 70) return 'building';
  if (i.progress >= 40) return 'parsing';
  return 'reading';
}

/** The step of the Steps bar: 0 uploaded, 1 text, 2 points, 3 draft, 4 done. */
export function stepOf(stage: Stage, progress: number): number {
  switch (stage) {
    case 'queued':
      return 1;
    case 'reading':
      return 1;
    case 'parsing':
      return 2;
    case 'building':
      return 3;
    case 'succeeded':
      return 4;
    case 'failed':
      return progress >= 70 ? 3 : progress >= 40 ? 2 : 1;
  }
}

export const isFinished = (i: Pick<ImportInfo, 'status'> | undefined): boolean =>
  i !== undefined && (i.status === 'succeeded' || i.status === 'failed');

export const STATUS_TONE = {
  queued: 'grey',
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
} as const;

export const KNOWN_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type KnownStatus = (typeof KNOWN_STATUSES)[number];
export const knownStatus = (s: string): KnownStatus =>
  (KNOWN_STATUSES as readonly string[]).includes(s) ? (s as KnownStatus) : 'queued';
