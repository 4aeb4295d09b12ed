/** @type {import("jest").Config} */
module.exports = {
  displayName: 'temporal',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
