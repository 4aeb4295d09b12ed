// Jest transform for the whole workspace: SWC for our TypeScript (decorator metadata for
// Nest), and ESM → CommonJS for the ESM-only packages (NestJS 12, zod 4, …). Still needed on
// Node 22/24, which require() ES modules themselves: Jest runs tests in its own module registry,
// which loads an ES module only through node:vm's experimental module API (Jest 30 without
// --experimental-vm-modules answers "Must use import to load ES Module"). Compiling the few
// ESM-only packages keeps Jest on its stable CommonJS path. `import.meta.url` has no CommonJS
// form SWC emits, so it is rewritten to the file URL of the module first.
const swcJest = require('@swc/jest');

const swcOptions = {
  swcrc: false,
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
  },
  module: { type: 'commonjs', ignoreDynamic: false },
  sourceMaps: 'inline',
};

const ts = swcJest.createTransformer(swcOptions);
const esm = swcJest.createTransformer({
  ...swcOptions,
  jsc: { ...swcOptions.jsc, parser: { syntax: 'ecmascript' } },
});

const IMPORT_META_URL = /\bimport\.meta\.url\b/g;
const IMPORT_META_DIRNAME = /\bimport\.meta\.dirname\b/g;
const IMPORT_META_FILENAME = /\bimport\.meta\.filename\b/g;

// `const require = createRequire(import.meta.url)` is how ESM gets a require(); CommonJS has one.
const CREATE_REQUIRE = /^\s*const require = createRequire\([^)]*\);?\s*$/gm;

function rewrite(source) {
  return source
    .replace(CREATE_REQUIRE, '')
    .replace(IMPORT_META_URL, 'require("node:url").pathToFileURL(__filename).href')
    .replace(IMPORT_META_DIRNAME, '__dirname')
    .replace(IMPORT_META_FILENAME, '__filename');
}

module.exports = {
  canInstrument: false,
  getCacheKey(source, path, options) {
    const which = path.endsWith('.ts') ? ts : esm;
    return `v2:${which.getCacheKey(path.endsWith('.ts') ? source : rewrite(source), path, options)}`;
  },
  process(source, path, options) {
    if (path.endsWith('.ts')) return ts.process(source, path, options);
    return esm.process(rewrite(source), path, options);
  },
  processAsync(source, path, options) {
    if (path.endsWith('.ts')) return ts.processAsync(source, path, options);
    return esm.processAsync(rewrite(source), path, options);
  },
};
