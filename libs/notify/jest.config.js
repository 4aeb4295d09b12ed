/** @type {import("jest").Config} */
module.exports = {
  displayName: 'notify',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
