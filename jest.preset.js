// Shared jest settings for every project: one SWC-based transform (see libs/testing/src/jest-transform.js)
// and the tsconfig path aliases, so tests import '@workpoints/*' exactly like the apps do.
const path = require('node:path');
const fs = require('node:fs');

const root = __dirname;
const { compilerOptions } = JSON.parse(
  fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'),
);
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace(/[/]/g, '\\/')}$`,
    path.join(root, target),
  ]),
);

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(ts|js|mjs|cjs)$': path.join(root, 'libs/testing/src/jest-transform.js'),
  },
  // ESM-only packages are compiled to CommonJS; everything else in node_modules is left alone.
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|zod|file-type|strtok3|token-types|@tokenizer|uint8array-extras|load-esm|@borewit|unpdf|html-to-text|@selderee|selderee|parseley|leac|peberminta|p-limit|yocto-queue|openid-client|oauth4webapi|jose|oidc-provider)/)',
  ],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    ...moduleNameMapper,
    // unpdf loads its PDF.js build with import(), exported for ESM only; Jest needs the file.
    '^unpdf/pdfjs$': path.join(root, 'node_modules/unpdf/dist/pdfjs.mjs'),
  },
  testMatch: ['**/?(*.)+(spec|integration-spec|workflow-spec|medium-spec).ts'],
  setupFiles: [path.join(root, 'libs/testing/src/jest-setup.js')],
  // Integration specs start real services and hash demo passwords with argon2: 60 s a test.
  setupFilesAfterEnv: [path.join(root, 'libs/testing/src/jest-timeout.js')],
};
