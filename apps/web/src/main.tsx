import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { cspNonce, nonceScriptStyles } from './csp';
import './i18n';
import { router } from './routes';

nonceScriptStyles();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A refusal (4xx) will not change on a retry; a network blip or 5xx may.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

/**
 * The app's one theme: the red of official documents as the accent, and Ant Design's link,
 * error and grey texts (which fall below WCAG AA contrast on white) darkened until they meet it.
 * Tag tones and the traffic lights are in components/PointTags.
 */
const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#b71c1c',
    colorLink: '#0958d9',
    colorLinkHover: '#1677ff',
    colorLinkActive: '#003eb3',
    colorError: '#cf1322',
    colorErrorBg: '#fff2f0',
    colorErrorBorder: '#ffccc7',
    colorTextDescription: '#595959',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: '#757575',
    borderRadius: 4,
  },
};

/** Ant Design in the user's language and the app's theme. */
function Root() {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  useEffect(() => {
    dayjs.locale(english ? 'en' : 'zh-cn');
  }, [english]);
  return (
    <ConfigProvider
      locale={english ? enUS : zhCN}
      theme={THEME}
      csp={cspNonce ? { nonce: cspNonce } : undefined}
      // Buttons keep their words as written (保存, not 保 存), so tests and screen readers read
      // them alike.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
