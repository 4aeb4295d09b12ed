/* eslint-disable */
export default {
  displayName: 'temporal',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
