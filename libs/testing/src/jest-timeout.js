// Jest reads `testTimeout` only from the root config when several projects run together, so
// each project sets its timeout in a setup file: 60 s here, 180 s for test/e2e.
jest.setTimeout(60_000);
