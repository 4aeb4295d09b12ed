export * from './app-process';
export * from './temporal-servers';
export * from './test-database';
export * from './e2e-stack';
export * from './cjk-pdf';
export * from './docx-text';
export * from './workflows';
export * from './oidc-provider';
