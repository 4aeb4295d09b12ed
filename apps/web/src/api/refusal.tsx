import { ErrorCode } from '@workpoints/contracts';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './client';

type RefusalKey = ErrorCode | 'TOO_LARGE' | 'INTERNAL' | 'other';

const CODES = new Set<string>([...Object.values(ErrorCode), 'INTERNAL']);

function keyOf(error: ApiError): RefusalKey {
  if (CODES.has(error.code)) return error.code as RefusalKey;
  if (error.status === 413) return 'TOO_LARGE';
  return 'other';
}

/**
 * What to tell the user of a failure. The API explains a refusal in Chinese (`message`), and a
 * Chinese page shows just that; a page in another language says what happened by the refusal's
 * `code` in its own words and keeps the API's explanation as the detail.
 */
export function describeFailure(
  error: unknown,
  t: TFunction<'common'>,
  language: string,
): { text: string; detail: string | null } {
  if (!(error instanceof ApiError)) return { text: String(error), detail: null };
  if (!language.startsWith('en')) return { text: error.message, detail: null };
  const text = t(`refusal.${keyOf(error)}`, { status: error.status });
  return { text, detail: error.message && error.message !== text ? error.message : null };
}

/** A failure as words on the page: the text, and the API's own explanation beneath it. */
export function FailureText({ text, detail }: { text: string; detail: string | null }) {
  const { t } = useTranslation();
  if (!detail) return <>{text}</>;
  return (
    <span>
      {text}
      <br />
      <small>
        {t('refusal.detail')}
        <span lang="zh-CN">{detail}</span>
      </small>
    </span>
  );
}

/** `(error) => ReactNode` in the page's language, for messages, alerts and result pages. */
export function useFailure(): (error: unknown) => ReactNode {
  const { t, i18n } = useTranslation();
  return (error) => <FailureText {...describeFailure(error, t, i18n.language)} />;
}
