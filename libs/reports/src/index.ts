export * from './official-document';
export * from './point-filter';
export * from './report-file';
export * from './report-request';
export * from './ledger';
export * from './summary';
export * from './target-progress';
export * from './bulletin';
