/** @type {import("jest").Config} */
module.exports = {
  displayName: 'jobs',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
