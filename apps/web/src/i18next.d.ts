import 'i18next';
import type { account } from './locales/account';
import type { admin } from './locales/admin';
import type { common } from './locales/common';
import type { coordinator } from './locales/coordinator';
import type { labels } from './locales/labels';
import type { work } from './locales/work';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: (typeof common)['zh-CN'];
      work: (typeof work)['zh-CN'];
      coordinator: (typeof coordinator)['zh-CN'];
      admin: (typeof admin)['zh-CN'];
      account: (typeof account)['zh-CN'];
      labels: (typeof labels)['zh-CN'];
    };
  }
}
