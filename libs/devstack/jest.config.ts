/* eslint-disable */
export default {
  displayName: 'devstack',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
