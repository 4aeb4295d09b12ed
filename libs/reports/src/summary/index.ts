export * from './summary.data';
export * from './summary.document';
