/** @type {import("jest").Config} */
module.exports = {
  displayName: 'reports',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
