export * from './bulletin.document';
export * from './monthly-facts';
export * from './produce-bulletin';
