export * from './summary.data';
export * from './summary.document';
export * from './summary.file';
