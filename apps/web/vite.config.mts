import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const workspace = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The web app. `npm run build:web` writes dist/web, which the API serves beside /api;
 * `npx vite --config apps/web/vite.config.ts` serves it with hot reload, sending /api to
 * the API on API_URL (default http://127.0.0.1:3000).
 */
export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    alias: {
      '@workpoints/contracts': `${workspace}libs/contracts/src/index.ts`,
      '@workpoints/domain': `${workspace}libs/domain/src/index.ts`,
    },
  },
  // Each response of the page writes its own nonce here (apps/api web-app.ts, csp.ts).
  html: { cspNonce: '__CSP_NONCE__' },
  build: {
    outDir: `${workspace}dist/web`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)/ },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|rc-|@rc-component)/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': process.env['API_URL'] ?? 'http://127.0.0.1:3000' },
  },
});
