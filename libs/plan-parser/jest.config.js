/** @type {import("jest").Config} */
module.exports = {
  displayName: 'plan-parser',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
