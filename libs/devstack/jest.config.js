/** @type {import("jest").Config} */
module.exports = {
  displayName: 'devstack',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
