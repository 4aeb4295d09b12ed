// Browser tests: Debian's Chromium driven by playwright-core against the whole stack (real
// PostgreSQL, Redis, a Temporal dev server, the built api / worker / jobs and dist/web).
// Run with `npm run test:browser` (part of `npm test`). Screenshots go to dist/screenshots.
/** @type {import("jest").Config} */
module.exports = {
  displayName: 'browser',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/**/*.browser-spec.ts'],
  setupFilesAfterEnv: [require('node:path').join(__dirname, 'browser-timeout.js')],
};
