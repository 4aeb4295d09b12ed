export * from './official-document';
