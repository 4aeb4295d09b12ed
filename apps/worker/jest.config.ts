/* eslint-disable */
export default {
  displayName: 'worker',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
