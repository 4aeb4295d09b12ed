export * from './data-source';
export * from './entities';
export * from './migrate';
export * from './naming.strategy';
export * from './persistence.module';
export * from './schema-drift';
export * from './seed/demo-organisation.seed';
export * from './seed/keyword-rules.seed';
