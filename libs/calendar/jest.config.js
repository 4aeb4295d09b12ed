/** @type {import("jest").Config} */
module.exports = {
  displayName: 'calendar',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
