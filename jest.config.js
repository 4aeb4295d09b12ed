const { getJestProjectsAsync } = require('@nx/jest');

/** `npm test` runs every project's jest config (units, integration specs and e2e) in one jest run. */
module.exports = async () => ({
  projects: await getJestProjectsAsync(),
});
