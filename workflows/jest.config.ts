/* eslint-disable */
export default {
  displayName: 'workflows',
  preset: '../jest.preset.js',
  rootDir: '.',
};
