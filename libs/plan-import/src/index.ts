export * from './decode-text';
export * from './extract-text';
export * from './import.error';
