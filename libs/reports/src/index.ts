export * from './official-document';
export * from './summary';
export * from './target-progress';
export * from './bulletin';
