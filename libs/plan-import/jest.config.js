/** @type {import("jest").Config} */
module.exports = {
  displayName: 'plan-import',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
