// Cross-process end-to-end tests: real PostgreSQL, Redis, a Temporal dev server, and the
// built api / worker / jobs processes. Run with `npm run test:e2e` (part of `npm test`).
/** @type {import("jest").Config} */
module.exports = {
  displayName: 'e2e',
  preset: '../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
  // Starting the whole stack (three processes, a Temporal dev server) takes a while on 2 cores.
  setupFilesAfterEnv: [require('node:path').join(__dirname, 'e2e/e2e-timeout.js')],
};
