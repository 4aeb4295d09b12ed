/** @type {import("jest").Config} */
module.exports = {
  displayName: 'domain',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
