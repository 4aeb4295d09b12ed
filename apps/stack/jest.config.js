/** @type {import("jest").Config} */
module.exports = {
  displayName: 'stack',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
