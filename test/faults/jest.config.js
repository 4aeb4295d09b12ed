// Fault tests of the notification outbox: the built jobs app as a child process against real
// PostgreSQL, a redis-server of their own and an SMTP server, while Redis is stopped, the app is
// killed or mail is refused. Run with `npm run test:faults` (not part of `npm test`: ~3 minutes).
/** @type {import("jest").Config} */
module.exports = {
  displayName: 'faults',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/**/*.fault-spec.ts'],
  // A test waits out a 30 s Redis outage and the 30 s after which lost jobs are queued again.
  setupFilesAfterEnv: [require('node:path').join(__dirname, 'faults-timeout.js')],
};
