/** @type {import("jest").Config} */
module.exports = {
  displayName: 'workflows',
  preset: '../jest.preset.js',
  rootDir: '.',
};
