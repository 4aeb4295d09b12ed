/** @type {import("jest").Config} */
module.exports = {
  displayName: 'persistence',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
